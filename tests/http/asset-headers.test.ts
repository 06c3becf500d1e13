// The policies govern documents and workers; the content-hashed files a page loads carry only
// what protects a file (server/app.ts). Every byte counts on a 400 kbit/s line before the first
// question, but a page or the kiosk's service worker must never lose its policy. The answer to a
// submission is written with its headers in place (server/policy-headers.ts): the same as any other.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrolTestDevice } from '../helpers/kiosk-device';
import { createTestApp, type TestApp } from '../helpers/test-app';

describe('headers of the pages, of their files and of the answers to a submission', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp('sqlite');
  });
  afterEach(() => t.close());

  it('a page and the service worker keep the full policy; a script or stylesheet it loads gets nosniff and same-origin only', async () => {
    // The staff page loads its files; the kiosk (its script and stylesheet inline) keeps its policy.
    const page = await t.app.request('/staff');
    const html = await page.text();
    for (const res of [page, await t.app.request('/kiosk'), await t.app.request('/kiosk-sw.js')]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    for (const file of files) {
      const res = await t.app.request(file);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('content-security-policy')).toBeNull();
      expect(res.headers.get('cache-control')).toContain('immutable');
    }
  });

  it('a file that does not exist under /assets/ is still a 404, with nosniff', async () => {
    const res = await t.app.request('/assets/nothing-here.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the answer to a submission, stored or sent again, carries the same headers as a refusal', async () => {
    const device = await enrolTestDevice(t, { unit: 'MC-Q1' });
    const body = { id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 3 }, channel: 'kiosk' };
    const post = (b: unknown) => t.app.request('/api/responses', { method: 'POST', headers: { 'content-type': 'application/json', ...device.headers }, body: JSON.stringify(b) });
    // The refusal goes through the app's error handler and every header middleware.
    const refused = await post({ ...body, answers: {} });
    const created = await post(body);
    const replayed = await post(body);
    expect([refused.status, created.status, replayed.status]).toEqual([400, 201, 200]);
    const headers = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => name !== 'content-length'));
    expect(headers(created)).toEqual(headers(refused));
    expect(headers(replayed)).toEqual(headers(refused));
    expect(headers(created)).toMatchObject({ 'cache-control': 'no-store', 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'content-type': 'application/json' });
    expect(created.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

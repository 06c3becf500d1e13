// The policies govern documents and workers; the content-hashed files a page loads carry only
// what protects a file (server/app.ts). Every byte counts on a 400 kbit/s line before the first
// question, but a page or the kiosk's service worker must never lose its policy.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';

describe('headers of the pages and of their files', () => {
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
});

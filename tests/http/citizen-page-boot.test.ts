// The citizen pages come with what their first screen needs (server/pages/boot-data.ts): the
// same answers the page would otherwise fetch, one round trip each on a slow line; and with their
// script and stylesheet inline (kiosk/build/inline-pages.ts), which the policy allows by hash.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { createTestApp, type TestApp } from '../helpers/test-app';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The page's running scripts (not its JSON data) and styles, and whether the policy allows each
 * by its hash, with no 'unsafe-inline' and nothing else inline.
 */
function inlinePolicy(html: string, policy: string) {
  const directive = (name: string) => policy.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name)!.slice(1);
  const scripts = [...html.matchAll(/<script(?![^>]*type="application\/json")([^>]*)>([\s\S]*?)<\/script>/g)];
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  const scriptSrc = directive('script-src');
  const styleSrc = directive('style-src');
  const allowedByHash =
    scripts.every((m) => !m[1]!.includes('src=') && scriptSrc.includes(sha256(m[2]!))) &&
    styles.every((m) => styleSrc.includes(sha256(m[1]!))) &&
    scriptSrc.length === 1 + scripts.length &&
    styleSrc.length === 1 + styles.length &&
    scriptSrc[0] === "'self'" && styleSrc[0] === "'self'";
  return { scripts: scripts.length, styles: styles.length, allowedByHash };
}

describe('the citizen pages embed their first screen\'s data', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp('sqlite', { now: new Date('2026-03-10T03:00:00Z') });
  });
  afterEach(() => t.close());

  async function page(path: string) {
    const res = await t.app.request(path);
    const html = await res.text();
    const json = /<script type="application\/json" id="sipas-boot">(.*?)<\/script>/s.exec(html)?.[1];
    return { res, html, boot: json ? JSON.parse(json) : undefined };
  }

  it('kiosk: the quick rating offered and the languages; the only script and style that run are the page\'s own, allowed by hash', async () => {
    const { res, html, boot } = await page('/kiosk');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(boot.quick).toEqual((await t.call('GET', '/api/surveys/counter-quick')).body);
    expect(boot.languages).toEqual((await t.call('GET', '/locales/index.json')).body);
    expect(inlinePolicy(html, res.headers.get('content-security-policy')!)).toEqual({ scripts: 1, styles: 1, allowedByHash: true });
  });

  it('phone: its own inline script and stylesheet, allowed by hash, on every address it is served at', async () => {
    for (const path of ['/s', '/s/AAAAAAAAAAAAAAAAAAAAAA', '/danh-gia/MC-Q1']) {
      const { res, html } = await page(path);
      expect(inlinePolicy(html, res.headers.get('content-security-policy')!), path).toEqual({ scripts: 1, styles: 1, allowedByHash: true });
    }
  });

  it('phone: the invitation as its API answers it and the quick rating, kept by no cache', async () => {
    const { headers } = await apiKeyHeaders(t, ['MC']);
    const { token } = (await t.call('POST', '/api/invitations', invitationRequest(), headers)).body;
    const { res, boot } = await page(`/s/${token}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(boot.invitation).toEqual({ status: 200, body: (await t.call('GET', `/api/invitation-tokens/${token}`)).body });
    expect(boot.quick.id).toBe('counter-quick');
  });

  it('phone: a token that is unknown or malformed carries the refusal the API would give, and no questionnaire', async () => {
    const unknown = await page('/s/AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.boot.invitation).toMatchObject({ status: 404, body: { error: { code: 'unknown_invitation' } } });
    expect(unknown.boot.quick).toBeUndefined();
    expect((await page('/s/not-a-token')).boot.invitation.status).toBe(400);
  });

  it('phone: a unit\'s open link that is off says so; the short-code page has only the languages', async () => {
    expect((await page('/danh-gia/MC-Q1')).boot.invitation).toMatchObject({ status: 404, body: { error: { code: 'open_link_off' } } });
    expect(Object.keys((await page('/s')).boot)).toEqual(['languages']);
  });
});

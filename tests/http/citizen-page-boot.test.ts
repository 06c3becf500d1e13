// The citizen pages come with what their first screen needs (server/pages/boot-data.ts): the
// same answers the page would otherwise fetch, one round trip each on a slow line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { createTestApp, type TestApp } from '../helpers/test-app';

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

  it('kiosk: the quick rating offered and the languages, under the same CSP (no inline script can run)', async () => {
    const { res, html, boot } = await page('/kiosk');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(boot.quick).toEqual((await t.call('GET', '/api/surveys/counter-quick')).body);
    expect(boot.languages).toEqual((await t.call('GET', '/locales/index.json')).body);
    // The page's own module script is still the only script that runs.
    expect(html.match(/<script(?![^>]*type="application\/json")/g)).toHaveLength(1);
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

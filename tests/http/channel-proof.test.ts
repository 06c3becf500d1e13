import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPEN_LINK_LIMITS } from '../../server/open-link/open-link-limits';
import { enrolTestDevice } from '../helpers/kiosk-device';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

// Every channel carries its proof. Each attack below answered 201 before proof was required.
const MARCH = 'survey=counter-quick&from=2026-03-01&to=2026-03-31';
const quick = (fields: Record<string, unknown> = {}) => ({ id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 1 }, unit: 'MC-Q1', ...fields });

describe.each(dialects)('proof of the channel on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-10T03:00:00Z') });
    admin = await signIn(t, 'root', 'admin');
  });
  afterEach(() => t.close());
  const db = () => t.database.handle.db;
  const stored = async () => Number((await db().selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const post = (body: unknown, headers: Record<string, string> = {}) => t.call('POST', '/api/responses', body, headers);
  const scores = (query: string) => t.call('GET', `/api/scores?${query}`, undefined, admin.headers);

  it('refuses kiosk, QR, paper and open-link answers sent by anyone without their proof, and stores nothing', async () => {
    expect(await post(quick({ channel: 'kiosk' }))).toMatchObject({ status: 401, body: { error: { code: 'device_credential_required' } } });
    expect(await post(quick({ channel: 'qr' }))).toMatchObject({ status: 403, body: { error: { code: 'invitation_required' } } });
    expect(await post(quick({ channel: 'paper' }))).toMatchObject({ status: 401, body: { error: { code: 'not_signed_in' } } });
    expect(await post(quick({ channel: 'web', browser: 'browser-0001' }))).toMatchObject({ status: 403, body: { error: { code: 'open_link_off' } } });
    expect(await stored()).toBe(0);
  });

  it('cannot move an official from withheld to 30 responses at index 0 with thirty anonymous posts', async () => {
    for (let i = 0; i < 30; i++) {
      for (const channel of ['kiosk', 'qr', 'paper', 'web']) {
        expect((await post(quick({ channel, official: 'CB-01', browser: 'attacker-01' }))).status).toBeGreaterThanOrEqual(400);
      }
    }
    const official = await scores(`${MARCH}&official=CB-01`);
    expect(official.body).toMatchObject({ responses: 0, withheld: true });
  });

  it('stops a revoked kiosk, whether it sends its credential, none, or another scheme', async () => {
    const device = await enrolTestDevice(t, { unit: 'MC-Q1' });
    expect((await post(quick({ channel: 'kiosk', unit: undefined }), device.headers)).status).toBe(201);
    await t.call('POST', `/api/kiosk-devices/${device.id}/revoke`, undefined, admin.headers);
    expect(await post(quick({ channel: 'kiosk', unit: undefined }), device.headers)).toMatchObject({ status: 403, body: { error: { code: 'device_revoked' } } });
    expect(await post(quick({ channel: 'kiosk' }))).toMatchObject({ status: 401, body: { error: { code: 'device_credential_required' } } });
    expect(await post(quick({ channel: 'kiosk' }), { authorization: 'Bearer whatever-it-is' })).toMatchObject({ status: 401, body: { error: { code: 'unsupported_credential' } } });
    expect(await post(quick({ channel: 'web', browser: 'browser-0001' }), { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })).toMatchObject({ status: 401 });
    expect(await stored()).toBe(1);
  });

  it('takes a paper form only from a signed-in manager or admin of its unit, with the CSRF token, and audits who typed it', async () => {
    const manager = await signIn(t, 'lan', 'manager', 'MC');
    const viewer = await signIn(t, 'hoa', 'viewer', 'MC');
    const form = quick({ channel: 'paper', official: 'CB-01', submittedAt: '2026-03-09T02:00:00Z' });
    expect((await post(form, viewer.headers)).body.error.code).toBe('forbidden');
    expect((await post(form, { cookie: manager.headers.cookie! })).body.error.code).toBe('csrf');
    expect(await post(quick({ channel: 'paper', unit: 'QLDT' }), manager.headers)).toMatchObject({ status: 403, body: { error: { code: 'forbidden_unit' } } });
    expect((await post(quick({ channel: 'paper', unit: undefined }), manager.headers)).body.error.issues[0]).toMatchObject({ path: 'unit', code: 'unit_required' });
    expect(await stored()).toBe(0);
    expect((await post(form, manager.headers)).status).toBe(201);
    expect((await post(form, manager.headers)).status).toBe(200); // typed twice by mistake: stored once
    const row = await db().selectFrom('responses').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'paper', proof: 'staff', unit_code: 'MC-Q1', official_code: 'CB-01' });
    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'response.paper').execute();
    expect(audit.map((a) => [a.actor, a.target])).toEqual([['lan', form.id]]);
  });

  it('refuses an official of another unit on every channel that names one', async () => {
    const manager = await signIn(t, 'lan', 'manager', 'MC');
    const res = await post(quick({ channel: 'paper', official: 'CB-05' }), manager.headers);
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: 'official', code: 'official_not_in_unit' })]);
    expect(await stored()).toBe(0);
  });

  it('keeps the open link off until an admin turns it on, then counts its answers apart', async () => {
    expect((await t.call('PUT', '/api/open-links/MC-Q1', { enabled: true }, (await signIn(t, 'lan', 'manager', 'MC')).headers)).status).toBe(403);
    expect((await t.call('GET', '/api/open-links/MC-Q1')).body.error.code).toBe('open_link_off');
    expect((await t.call('PUT', '/api/open-links/MC-Q1', { enabled: true }, admin.headers)).body).toEqual({ unit: 'MC-Q1', enabled: true, url: 'http://sipas.test/danh-gia/MC-Q1' });
    expect((await t.call('GET', '/api/open-links/MC-Q1')).body).toMatchObject({ unit: { code: 'MC-Q1' }, surveys: { quick: 'counter-quick', full: 'sipas-2017' } });
    expect((await post(quick({ channel: 'web' }))).body.error.issues[0]).toMatchObject({ path: 'browser', code: 'browser_required' });
    expect((await post(quick({ channel: 'web', browser: 'browser-0001', official: 'CB-01' }))).status).toBe(400);
    expect((await post(quick({ channel: 'web', unit: 'MC-Q2', browser: 'browser-0001' }))).body.error.code).toBe('open_link_off');
    expect((await post(quick({ channel: 'web', browser: 'browser-0001' }))).status).toBe(201);
    const device = await enrolTestDevice(t, { unit: 'MC-Q1' });
    expect((await post(quick({ channel: 'kiosk', unit: undefined, answers: { overall: 3 } }), device.headers)).status).toBe(201);

    // Verified channels by default, saying how many open-link answers were left out.
    const verified = await scores(`${MARCH}&unit=MC-Q1`);
    expect(verified.body).toMatchObject({ responses: 1, unverifiedResponses: 1, overall: { index: 100 } });
    expect((await scores(`${MARCH}&unit=MC-Q1&includeUnverified=1`)).body).toMatchObject({ responses: 2, overall: { index: 50 } });
    expect((await scores(`${MARCH}&unit=MC-Q1&channel=web`)).body).toMatchObject({ responses: 1, overall: { index: 0 } });
    const csv = await (await t.app.request(`/api/exports/responses.csv?${MARCH}`, { headers: admin.headers })).text();
    expect(csv.trim().split('\r\n')).toHaveLength(2); // header and the kiosk answer
    const audit = await db().selectFrom('audit_log').select(['actor', 'action', 'target']).where('action', 'like', 'open-link.%').execute();
    expect(audit).toEqual([{ actor: 'root', action: 'open-link.on', target: 'MC-Q1' }]);
  });

  it('limits open-link answers per browser and per address, and a resend is not counted twice', async () => {
    await t.call('PUT', '/api/open-links/MC-Q1', { enabled: true }, admin.headers);
    const from = (address: string, browser: string, body = quick({ channel: 'web', browser })) => post(body, { 'x-forwarded-for': address });
    const first = quick({ channel: 'web', browser: 'browser-aaaa' });
    expect((await from('203.0.113.1', 'browser-aaaa', first)).status).toBe(201);
    expect((await from('203.0.113.1', 'browser-aaaa', first)).status).toBe(200);
    for (let i = 1; i < OPEN_LINK_LIMITS.browser.limit; i++) expect((await from('203.0.113.1', 'browser-aaaa')).status).toBe(201);
    const limited = await from('203.0.113.1', 'browser-aaaa');
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'too_many_responses' } } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('203.0.113.1', 'browser-bbbb')).status).toBe(201);
    // In parallel, from one browser: never more than its limit.
    const burst = await Promise.all(Array.from({ length: 20 }, () => from('198.51.100.2', 'browser-cccc')));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(OPEN_LINK_LIMITS.browser.limit);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(20 - OPEN_LINK_LIMITS.browser.limit);
    expect(await stored()).toBe(OPEN_LINK_LIMITS.browser.limit * 2 + 1);
  });
});

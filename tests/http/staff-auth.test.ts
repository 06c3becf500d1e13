import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, disableUser, ensureFirstAdmin, resetPassword } from '../../server/auth/user-admin';
import { SIGN_IN_LIMITS as LOGIN_LIMITS } from '../../server/auth/sign-in-guard';
import { signIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

describe.each(dialects)('staff accounts and sessions on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-05-04T02:00:00Z') });
  });
  afterEach(() => t.close());
  const db = () => t.database.handle.db;
  const login = (username: string, password: string, address = '198.51.100.1') =>
    t.call('POST', '/api/staff/login', { username, password }, { 'x-forwarded-for': address });

  it('creates the first admin once, with a one-time password that must be replaced', async () => {
    const password = await ensureFirstAdmin(db(), t.clock.now);
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await ensureFirstAdmin(db(), t.clock.now)).toBeUndefined();

    const res = await login('admin', password!);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'admin', role: 'admin', mustChangePassword: true });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/sipas_session=.+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict/);
    const headers = { cookie: cookie.split(';')[0]!, 'x-csrf-token': res.body.csrfToken };

    // Until the password is changed, nothing else is open.
    expect((await t.call('GET', '/api/staff/audit', undefined, headers)).body.error.code).toBe('password_change_required');
    const short = await t.call('POST', '/api/staff/password', { current: password, next: 'short' }, headers);
    expect(short.status).toBe(400);
    expect((await t.call('POST', '/api/staff/password', { current: 'wrong-one-x', next: 'a-new-password-1' }, headers)).status).toBe(400);
    expect((await t.call('POST', '/api/staff/password', { current: password, next: 'a-new-password-1' }, headers)).status).toBe(200);
    expect((await t.call('GET', '/api/staff/audit', undefined, headers)).status).toBe(200);
    expect((await login('admin', password!)).status).toBe(401);
    expect((await login('admin', 'a-new-password-1')).status).toBe(200);
  });

  it('stores the password only as an scrypt hash', async () => {
    const { password } = await addUser(db(), { username: 'lan', role: 'viewer', unit: 'MC' }, 'test', t.clock.now);
    const row = await db().selectFrom('users').selectAll().where('username', '=', 'lan').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(password);
  });

  it('refuses a wrong password, an unknown user and a disabled account alike', async () => {
    await addUser(db(), { username: 'hung', role: 'manager', unit: 'MC-Q1' }, 'test', t.clock.now);
    const wrong = await login('hung', 'nope');
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'bad_credentials' } } });
    expect((await login('nobody', 'nope')).body.error.code).toBe('bad_credentials');
    const password = await resetPassword(db(), 'hung', 'test', t.clock.now);
    await disableUser(db(), 'hung', 'test', t.clock.now);
    expect((await login('hung', password)).status).toBe(401);
  });

  it('locks an account after 10 failures for the addresses that tried it, and opens again after the window', async () => {
    const { password } = await addUser(db(), { username: 'thu', role: 'viewer', unit: 'DNLD' }, 'test', t.clock.now);
    for (let i = 0; i < LOGIN_LIMITS.account.limit; i++) {
      expect((await login('thu', `guess-${i}`, `203.0.113.${i}`)).status).toBe(401);
    }
    const blocked = await login('thu', password, '203.0.113.3');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_attempts');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.now = new Date(t.clock.now.getTime() + LOGIN_LIMITS.account.windowMs);
    expect((await login('thu', password, '203.0.113.3')).status).toBe(200);
  });

  it('lets the owner of a locked account in from an address that has not failed', async () => {
    const { password } = await addUser(db(), { username: 'vinh', role: 'viewer', unit: 'DNLD' }, 'test', t.clock.now);
    for (let i = 0; i < LOGIN_LIMITS.account.limit + 5; i++) await login('vinh', `guess-${i}`, '203.0.113.66');
    expect((await login('vinh', password, '203.0.113.66')).status).toBe(429);
    expect((await login('vinh', password, '198.51.100.42')).status).toBe(200);
    // One attempt per such address: a second guess from a new address that failed is refused.
    expect((await login('vinh', 'guess-x', '198.51.100.43')).status).toBe(401);
    expect((await login('vinh', password, '198.51.100.43')).status).toBe(429);
  });

  it('lets at most 10 of 60 parallel guesses for one account reach the password check', async () => {
    await addUser(db(), { username: 'burst', role: 'viewer', unit: 'DNLD' }, 'test', t.clock.now);
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login('burst', `guess-${i}`, '203.0.113.77')));
    const statuses = answers.map((a) => a.status);
    // 401 is a password that was checked and wrong; 429 was refused before any check.
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_LIMITS.account.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - LOGIN_LIMITS.account.limit);
  });

  it('spends as much work on an unknown username as on a known one', async () => {
    await addUser(db(), { username: 'known', role: 'viewer', unit: 'DNLD' }, 'test', t.clock.now);
    await login('nobody-here', 'warm-up', '198.51.100.90'); // the decoy hash is made once
    // CPU time of this process (scrypt runs on its thread pool), not the clock: a busy machine
    // slows both kinds alike. Before the decoy hash an unknown name cost about 1/25 of a known one.
    const cpu = async (username: string) => {
      const before = process.cpuUsage();
      for (let i = 0; i < 4; i++) expect((await login(username, `wrong-${i}`, `198.51.100.${100 + i}`)).status).toBe(401);
      const used = process.cpuUsage(before);
      return used.user + used.system;
    };
    const known = await cpu('known');
    const unknown = await cpu('nobody-at-all');
    expect(unknown).toBeGreaterThan(known / 3);
  });

  it('ends the other sessions of an account when its password changes', async () => {
    const first = await signIn(t, 'kim', 'viewer', 'MC');
    const second = await login('kim', 'kim-password-1', '198.51.100.7');
    const secondHeaders = { cookie: second.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': second.body.csrfToken };
    expect((await t.call('GET', '/api/staff/me', undefined, secondHeaders)).status).toBe(200);
    expect((await t.call('POST', '/api/staff/password', { current: 'kim-password-1', next: 'kim-password-2' }, first.headers)).status).toBe(200);
    expect((await t.call('GET', '/api/staff/me', undefined, first.headers)).status).toBe(200);
    expect((await t.call('GET', '/api/staff/me', undefined, secondHeaders)).status).toBe(401);
  });

  it('limits failed sign-ins per address across accounts', async () => {
    for (let i = 0; i < LOGIN_LIMITS.address.limit; i++) await login(`user${i}`, 'guess', '192.0.2.9');
    expect((await login('someone', 'guess', '192.0.2.9')).status).toBe(429);
    expect((await login('someone', 'guess', '192.0.2.10')).status).toBe(401);
  });

  it('requires the CSRF token on every change, and a session for everything', async () => {
    const admin = await signIn(t, 'root', 'admin');
    expect((await t.call('GET', '/api/staff/me')).status).toBe(401);
    const cookie = admin.headers.cookie!;
    const noToken = await t.call('POST', '/api/staff/logout', undefined, { cookie });
    expect(noToken).toMatchObject({ status: 403, body: { error: { code: 'csrf' } } });
    const wrongToken = await t.call('POST', '/api/staff/logout', undefined, { cookie, 'x-csrf-token': 'x'.repeat(32) });
    expect(wrongToken.status).toBe(403);
    expect((await t.call('GET', '/api/staff/me', undefined, { cookie })).status).toBe(200);
    expect((await t.call('POST', '/api/staff/logout', undefined, admin.headers)).status).toBe(200);
    expect((await t.call('GET', '/api/staff/me', undefined, { cookie })).status).toBe(401);
  });

  it('ends a session when it expires or the account is disabled', async () => {
    const viewer = await signIn(t, 'mai', 'viewer', 'TTCK');
    expect((await t.call('GET', '/api/staff/me', undefined, viewer.headers)).body.units).toEqual(['TTCK']);
    await disableUser(db(), 'mai', 'test', t.clock.now);
    expect((await t.call('GET', '/api/staff/me', undefined, viewer.headers)).status).toBe(401);
    const other = await signIn(t, 'binh', 'viewer', 'QHXD');
    t.clock.now = new Date(t.clock.now.getTime() + 13 * 3_600_000);
    expect((await t.call('GET', '/api/staff/me', undefined, other.headers)).status).toBe(401);
  });

  it('scopes a manager to the subtree of their unit', async () => {
    const manager = await signIn(t, 'hoa', 'manager', 'MC');
    const me = await t.call('GET', '/api/staff/me', undefined, manager.headers);
    expect(me.body.units.sort()).toEqual(['MC', 'MC-Q1', 'MC-Q2']);
    const admin = await signIn(t, 'root', 'admin');
    expect((await t.call('GET', '/api/staff/me', undefined, admin.headers)).body.units).toBeNull();
  });

  it('shows admins, and only admins, the audit log of user changes', async () => {
    const admin = await signIn(t, 'root', 'admin');
    const viewer = await signIn(t, 'lan', 'viewer', 'MC');
    await resetPassword(db(), 'lan', 'cli', t.clock.now);
    const log = await t.call('GET', '/api/staff/audit', undefined, admin.headers);
    expect(log.status).toBe(200);
    expect(log.body.map((e: { action: string; target: string }) => `${e.action} ${e.target}`)).toEqual(
      expect.arrayContaining(['user.add root', 'user.add lan', 'user.reset-password lan', 'user.change-password lan']),
    );
    expect(JSON.stringify(log.body)).not.toMatch(/password_hash|scrypt/);
    expect((await t.call('GET', '/api/staff/audit', undefined, viewer.headers)).status).toBe(401); // reset ended lan's session
  });

  it('sends security headers with every answer', async () => {
    const res = await t.app.request('/healthz');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

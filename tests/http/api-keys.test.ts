import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invitationRequest } from '../helpers/invitations';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { databaseUrl, dialects } from '../helpers/test-database';

describe.each(dialects)('API keys for one-stop systems on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-10T03:00:00Z') });
    admin = await signIn(t, 'quantri', 'admin');
  });
  afterEach(() => t.close());
  const db = () => t.database.handle.db;

  it('lets an admin issue a key once, stores only its hash, and audits it', async () => {
    const res = await t.call('POST', '/api/api-keys', { name: 'Hệ thống một cửa tỉnh', units: ['MC', 'QLDT'] }, admin.headers);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Hệ thống một cửa tỉnh', units: ['MC', 'QLDT'], createdBy: 'quantri', revokedAt: null });
    expect(res.body.key).toMatch(/^sipas_[A-Za-z0-9_-]{43}$/);
    expect(res.body.prefix).toBe(res.body.key.slice(0, 12));
    const rows = await db().selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(res.body.key);
    const list = await t.call('GET', '/api/api-keys', undefined, admin.headers);
    expect(list.body).toHaveLength(1);
    expect(list.body[0].key).toBeUndefined();
    const audit = await db().selectFrom('audit_log').select(['actor', 'action', 'target']).where('action', 'like', 'api-key.%').execute();
    expect(audit).toEqual([{ actor: 'quantri', action: 'api-key.add', target: res.body.prefix }]);
    // The key works for its units.
    const invite = await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q2' }), { authorization: `Bearer ${res.body.key}` });
    expect(invite.status).toBe(201);
  });

  it('revokes a key: it stops working, the revocation is audited, a second revoke is refused', async () => {
    const { body } = await t.call('POST', '/api/api-keys', { name: 'Cổng DVC', units: ['MC'] }, admin.headers);
    const revoked = await t.call('POST', `/api/api-keys/${body.id}/revoke`, {}, admin.headers);
    expect(revoked).toMatchObject({ status: 200, body: { revokedAt: '2026-03-10T03:00:00.000Z', revokedBy: 'quantri' } });
    expect((await t.call('POST', '/api/invitations', invitationRequest(), { authorization: `Bearer ${body.key}` })).status).toBe(401);
    expect((await t.call('POST', `/api/api-keys/${body.id}/revoke`, {}, admin.headers)).status).toBe(400);
    expect((await t.call('POST', '/api/api-keys/00000000-0000-4000-8000-000000000000/revoke', {}, admin.headers)).status).toBe(404);
    const actions = (await db().selectFrom('audit_log').select('action').execute()).map((r) => r.action);
    expect(actions.filter((a) => a.startsWith('api-key.'))).toEqual(['api-key.add', 'api-key.revoke']);
  });

  it('is for admins only, with the CSRF header, and checks the request', async () => {
    const manager = await signIn(t, 'quanly', 'manager', 'MC');
    expect((await t.call('GET', '/api/api-keys', undefined, manager.headers)).status).toBe(403);
    expect((await t.call('POST', '/api/api-keys', { name: 'x', units: ['MC'] }, manager.headers)).status).toBe(403);
    expect((await t.call('POST', '/api/api-keys', { name: 'x', units: ['MC'] }, { cookie: admin.headers.cookie! })).body.error.code).toBe('csrf');
    const bad = await t.call('POST', '/api/api-keys', { name: '', units: [] }, admin.headers);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['name', 'units']);
    const unknown = await t.call('POST', '/api/api-keys', { name: 'x', units: ['NOPE'] }, admin.headers);
    expect(unknown).toMatchObject({ status: 400, body: { error: { message: 'no unit with code "NOPE"' } } });
    expect(await db().selectFrom('api_keys').selectAll().execute()).toHaveLength(0);
  });

  // Six CLI processes, each starting Node and tsx: on a busy 2-core machine that alone can take 30 s.
  it.runIf(dialect === 'sqlite')('is managed from the command line: api-keys add, list, revoke', { timeout: 180_000 }, async () => {
    const env = { ...process.env, DATABASE_URL: databaseUrl(t.database.config) };
    const cli = (...args: string[]) => spawnSync('node', ['--import', 'tsx', 'server/cli.ts', 'api-keys', ...args], { env, encoding: 'utf8' });
    const added = cli('add', 'Một cửa điện tử', '--unit', 'MC-Q1', '--unit', 'MC-Q2');
    expect(added.status, added.stderr).toBe(0);
    const key = /key: (sipas_\S+)/.exec(added.stdout)?.[1];
    expect(key).toBeDefined();
    const listed = cli('list', '--json');
    const keys = JSON.parse(listed.stdout) as { prefix: string; units: string[]; revokedAt: string | null }[];
    expect(keys).toEqual([expect.objectContaining({ prefix: key!.slice(0, 12), units: ['MC-Q1', 'MC-Q2'], revokedAt: null })]);
    expect((await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q2' }), { authorization: `Bearer ${key}` })).status).toBe(201);
    const revoked = cli('revoke', key!.slice(0, 12));
    expect(revoked.status, revoked.stderr).toBe(0);
    expect((await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q2' }), { authorization: `Bearer ${key}` })).status).toBe(401);
    expect(cli('add', 'x').status).toBe(2); // no --unit: usage error
    expect(cli('revoke', 'sipas_nope').status).toBe(1);
    expect(cli('--help').stdout).toContain('api-keys add');
    const audit = await db().selectFrom('audit_log').select(['actor', 'action']).execute();
    expect(audit).toEqual(expect.arrayContaining([{ actor: 'cli', action: 'api-key.add' }, { actor: 'cli', action: 'api-key.revoke' }]));
  });
});

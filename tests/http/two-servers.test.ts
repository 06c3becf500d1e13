import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS as LOGIN_LIMITS } from '../../server/auth/sign-in-guard';
import { enrolTestDevice } from '../helpers/kiosk-device';
import { signIn } from '../helpers/staff-session';
import { createAppOn, createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';
import { answerCountRows } from '../helpers/answer-count-rows';

// Two app servers on one database keep no state of their own: sessions, rate-limit windows and
// the stored responses are the database's.
describe.each(dialects)('two app instances on one %s database', (dialect) => {
  let a: TestApp;
  let b: TestApp;
  beforeEach(async () => {
    a = await createTestApp(dialect);
    b = await createAppOn(a.database.config);
  });
  afterEach(async () => {
    await b.close();
    await a.close();
  });

  it('stores a response sent to both at once exactly once', async () => {
    const kiosk = await enrolTestDevice(a, { unit: 'MC', repeatSeconds: 0 });
    for (let i = 0; i < 10; i++) {
      const body = { id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 2 }, channel: 'kiosk' };
      const statuses = (await Promise.all([a.call('POST', '/api/responses', body, kiosk.headers), b.call('POST', '/api/responses', body, kiosk.headers)])).map((r) => r.status);
      expect(statuses.sort()).toEqual([200, 201]);
    }
    const rows = await a.database.handle.db.selectFrom('responses').select('id').execute();
    expect(rows).toHaveLength(10);
    const counted = (await answerCountRows(b.database.handle.db)).filter((r) => r.question_id === 'overall');
    expect(counted.map((r) => r.n)).toEqual([10]);
  });

  it('honours on one server a session opened on the other, and a sign-out everywhere', async () => {
    const manager = await signIn(a, 'lan', 'manager', 'MC');
    expect((await b.call('GET', '/api/staff/me', undefined, manager.headers)).body.user.username).toBe('lan');
    expect((await b.call('POST', '/api/staff/logout', undefined, manager.headers)).status).toBe(200);
    expect((await a.call('GET', '/api/staff/me', undefined, manager.headers)).status).toBe(401);
  });

  it('counts failed sign-ins on both servers against one limit', async () => {
    await signIn(a, 'hoa', 'viewer', 'MC');
    for (let i = 0; i < LOGIN_LIMITS.account.limit; i++) {
      const server = i % 2 ? a : b;
      expect((await server.call('POST', '/api/staff/login', { username: 'hoa', password: `wrong-${i}` })).status).toBe(401);
    }
    expect((await a.call('POST', '/api/staff/login', { username: 'hoa', password: 'hoa-password-1' })).status).toBe(429);
    expect((await b.call('POST', '/api/staff/login', { username: 'hoa', password: 'hoa-password-1' })).status).toBe(429);
  });
});

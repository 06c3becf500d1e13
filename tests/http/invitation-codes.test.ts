import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CODE_GUESS_LIMITS } from '../../server/routes/invitation-codes';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

describe.each(dialects)('typing the short code (POST /api/invitation-codes) on %s', (dialect) => {
  let t: TestApp;
  let invitation: { token: string; shortCode: string; url: string };
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-10T03:00:00Z') });
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    invitation = (await t.call('POST', '/api/invitations', invitationRequest(), headers)).body;
  });
  afterEach(() => t.close());
  const send = (code: string, address = '203.0.113.5') => t.call('POST', '/api/invitation-codes', { code }, { 'x-forwarded-for': address });
  // Twelve digits that are not the invitation's code.
  const wrong = (n: number) => {
    const code = String(n).padStart(12, '0');
    return code === invitation.shortCode.replace(/ /g, '') ? '999999999999' : code;
  };

  it('exchanges the printed code for the token, however it is typed', async () => {
    const digits = invitation.shortCode.replace(/ /g, '');
    for (const typed of [invitation.shortCode, digits, `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`, ` ${digits} `, digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))]) {
      const res = await send(typed);
      expect(res.status, typed).toBe(200);
      expect(res.body).toEqual({ token: invitation.token, url: invitation.url });
    }
  });

  it('answers 400 for something that is not twelve digits, without counting it as a guess', async () => {
    for (const typed of ['12345', 'ABCD EFGH IJKL', '1234 5678 90123']) {
      const res = await send(typed);
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0]).toMatchObject({ path: 'code', code: 'not_a_code' });
    }
    expect(await t.database.handle.db.selectFrom('rate_limits').selectAll().execute()).toHaveLength(0);
  });

  it('limits wrong guesses per address; other addresses and later windows are not blocked', async () => {
    for (let i = 0; i < CODE_GUESS_LIMITS.address.limit; i++) {
      expect((await send(wrong(i))).status).toBe(404);
    }
    const blocked = await send(wrong(50));
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'too_many_attempts' } } });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right code waits: otherwise a guesser would learn when it hit.
    expect((await send(invitation.shortCode)).status).toBe(429);
    expect((await send(invitation.shortCode, '198.51.100.9')).status).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + CODE_GUESS_LIMITS.address.windowMs);
    expect((await send(invitation.shortCode)).status).toBe(200);
  });

  it('checks at most 10 of 40 guesses sent at once from one address', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => send(wrong(100 + i))));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(CODE_GUESS_LIMITS.address.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - CODE_GUESS_LIMITS.address.limit);
  });

  it('brakes guessing spread over many addresses', async () => {
    const limit = CODE_GUESS_LIMITS.everyone.limit;
    for (let i = 0; i < limit; i++) await send(wrong(i % 90), `10.0.${Math.floor(i / 200)}.${i % 200}`);
    const res = await send(invitation.shortCode, '192.0.2.44');
    expect(res.status).toBe(429);
  });

  it('keeps addresses out of the database, as keyed hashes only', async () => {
    await send(wrong(1), '203.0.113.77');
    const keys = (await t.database.handle.db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key).join(' ');
    expect(keys).not.toContain('203.0.113.77');
  });
});

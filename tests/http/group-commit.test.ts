// The group commit (server/responses/response-writer.ts) writes a batch at the first turn of the
// event loop that brings no new response, not when its window ends: a citizen alone at the counter
// is not kept waiting for company that is not coming, and answers that arrive together still share
// one transaction. The window here is a minute, so a writer that waited it out would time the test out.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

const paperForm = () => ({ id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 3 }, channel: 'paper', unit: 'MC-Q1' });

describe.each(dialects)('the group commit on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let transactions = 0;
  beforeEach(async () => {
    transactions = 0;
    t = await createTestApp(dialect, { groupCommit: { batchWindowMs: 60_000, onStored: () => transactions++ } });
    admin = await signIn(t, 'typist', 'admin');
  });
  afterEach(() => t.close());
  const send = () => t.call('POST', '/api/responses', paperForm(), admin.headers);

  it('answers a lone response without waiting out the window', async () => {
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    expect(transactions).toBe(2);
  });

  it('stores responses that arrive together once each, on SQLite in one transaction', async () => {
    const statuses = (await Promise.all(Array.from({ length: 6 }, send))).map((r) => r.status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201]);
    // On SQLite the six reach the writer in the same turn of the loop. On PostgreSQL each waits
    // for its session's row and for a turn of its own (responses/loop-turns.ts), so they may not.
    if (dialect === 'sqlite') expect(transactions).toBe(1);
    const rows = await t.database.handle.db.selectFrom('responses').select('id').execute();
    expect(rows).toHaveLength(6);
  });
});

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import type { DatabaseConfig } from '../../server/db/open-database';
import { createTestDatabase, dialects, withClient, type TestDatabase } from '../helpers/test-database';
import { countedResponses } from '../helpers/answer-count-rows';

// On PostgreSQL a statement sent again goes as a named prepared statement (server/db/
// prepared-statements.ts). A prepared plan keeps the shape its tables had: these tests change the
// tables under it, as another app server's migration would during a rolling upgrade.
const postgres = dialects.includes('postgres');

/** Runs DDL in the test's schema on a connection of its own, as the other server would. */
function otherServer(config: DatabaseConfig, statement: string): Promise<unknown> {
  if (config.dialect !== 'postgres') throw new Error('PostgreSQL only');
  return withClient(async (client) => {
    await client.query(`set search_path = ${config.schema}`);
    await client.query(statement);
  });
}

describe.skipIf(!postgres)('statements prepared on PostgreSQL', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase('postgres');
  });
  afterEach(() => database.destroy());
  const db = () => database.handle.db;
  const backend = async (trx = db()) => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid;

  it('prepares a statement sent again, once on its connection, and answers each time with its own values', async () => {
    const codes = await db().transaction().execute(async (trx) => {
      const found: string[][] = [];
      for (const code of ['MC', 'MC-Q1', 'nowhere', 'MC-Q2']) found.push((await trx.selectFrom('units').select('code').where('code', '=', code).execute()).map((r) => r.code));
      const prepared = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(trx);
      // Besides those of the migrations and the seed, which ran on this connection before.
      const ours = prepared.rows.filter((r) => r.statement === 'select "code" from "units" where "code" = $1');
      expect(ours).toHaveLength(1);
      expect(ours[0]!.name).toMatch(/^sipas_\d+$/);
      return found;
    });
    expect(codes).toEqual([['MC'], ['MC-Q1'], [], ['MC-Q2']]);
  });

  it('answers again after a column it returns changed type, outside a transaction at once, inside one at the next', async () => {
    const read = (trx = db()) => trx.selectFrom('units').select(['code', 'sort_order']).where('code', '=', 'MC-Q1').execute();
    // Prepared on the connection the reads share (the pool hands its last idle connection back).
    const pid = await backend();
    for (let i = 0; i < 3; i++) await read();
    expect(await backend()).toBe(pid);
    await otherServer(database.config, 'alter table units alter column sort_order type bigint');
    expect(await read()).toMatchObject([{ code: 'MC-Q1' }]);
    expect(await backend()).toBe(pid);

    for (let i = 0; i < 3; i++) await read();
    await otherServer(database.config, 'alter table units alter column sort_order type integer');
    const inside = db().transaction().execute(async (trx) => {
      expect(await backend(trx)).toBe(pid);
      return read(trx);
    });
    await expect(inside).rejects.toMatchObject({ code: '0A000' });
    // Its owner tries again (the writer each answer alone, the fold a moment later): prepared afresh.
    expect(await db().transaction().execute((trx) => read(trx))).toMatchObject([{ code: 'MC-Q1' }]);
  });
});

describe.skipIf(!postgres)('an app server on PostgreSQL while another server migrates its tables', () => {
  let a: TestApp;
  beforeEach(async () => {
    a = await createTestApp('postgres', { now: new Date('2026-03-09T02:00:00Z') });
  });
  afterEach(() => a.close());

  it('keeps taking, counting and scoring answers after columns are added to the tables it reads whole', async () => {
    const admin = await signIn(a, 'root', 'admin');
    // Paper forms typed in by staff: a kiosk's answers seconds apart would be flagged as repeated taps.
    const answer = () => a.call('POST', '/api/responses', { id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 3 }, channel: 'paper', unit: 'MC-Q1' }, admin.headers);
    const scores = () => a.call('GET', '/api/scores?survey=counter-quick&from=2026-03-01&to=2026-03-31', undefined, admin.headers);
    for (let i = 0; i < 4; i++) {
      expect((await answer()).status).toBe(201);
      expect(await countedResponses(a.database.handle.db)).toBe(i + 1);
      expect((await scores()).body).toMatchObject({ responses: i + 1 });
    }
    for (const table of ['responses', 'tally_queue', 'answer_tallies', 'kiosk_devices', 'sessions', 'units', 'officials']) await otherServer(a.database.config, `alter table ${table} add column added_by_next_version text`);
    for (let i = 4; i < 7; i++) {
      expect((await answer()).status).toBe(201);
      expect(await countedResponses(a.database.handle.db)).toBe(i + 1);
      expect((await scores()).body).toMatchObject({ responses: i + 1 });
    }
  });
});

import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import type { DatabaseConfig } from '../../server/db/open-database';
import { createTestDatabase, dialects, withClient, type TestDatabase } from '../helpers/test-database';
import { countedResponses } from '../helpers/answer-count-rows';
import type { Database } from '../../server/db/database';
import { storeResponses } from '../../server/repos/responses';
import { pendingKioskAnswer } from '../helpers/pending-response';

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

  it('looks a batch\'s ids up by their key, however few responses there were when the lookup was first planned', async () => {
    // A plan kept for a statement sent by name was made for the tables as they were: with the
    // responses a few dozen rows, reading the whole table is its cheapest plan. Kept, that plan
    // read the whole table again for every batch as it grew, and the answers per second fell.
    const seqScans = async (trx: Kysely<Database>) => Number((await sql<{ n: string }>`select pg_stat_get_xact_numscans('responses'::regclass) as n`.execute(trx)).rows[0]!.n);
    await db().transaction().execute(async (trx) => {
      let next = 0;
      const batch = () => Array.from({ length: 8 }, () => pendingKioskAnswer(next++));
      // Ten batches while the table is nearly empty: the lookup is named at its second, and
      // PostgreSQL settles on a plan of its own for it after five more.
      for (let i = 0; i < 10; i++) expect(new Set((await storeResponses(trx, batch())).map((o) => o.status))).toEqual(new Set(['created']));
      await sql`insert into responses (id, survey_id, survey_version, unit_code, procedure_code, official_code, channel, submitted_at, local_date, received_at, answers, content_hash)
        select 'grown-' || g, 'counter-quick', 1, 'MC', '', '', 'kiosk', '2026-03-02T03:00:00.000Z', '2026-03-02', '2026-03-02T03:00:00.000Z', '{"overall":4}', 'h' from generate_series(1, 20000) as g`.execute(trx);
      const before = await seqScans(trx);
      const sentAgain = Array.from({ length: 8 }, (_, i) => pendingKioskAnswer(i));
      expect(new Set((await storeResponses(trx, sentAgain)).map((o) => o.status))).toEqual(new Set(['replayed']));
      expect(new Set((await storeResponses(trx, batch())).map((o) => o.status))).toEqual(new Set(['created']));
      expect(await seqScans(trx)).toBe(before);
    });
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

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, sql } from 'kysely';
import { migrateToLatest } from '../../server/db/migrate';
import { migrations } from '../../server/db/migrations/index';
import { openDatabase } from '../../server/db/open-database';
import { readTallies, type CountFilter } from '../../server/repos/score-counts';
import { storeResponses, type PendingResponse } from '../../server/repos/responses';
import { addResponse, emptyTally, type Tally } from '../../server/scoring/tally';
import { addDays } from '../../server/scoring/vietnam-time';
import { createTestDatabase, dialects, dropConfig, freshConfig, type TestDatabase } from '../helpers/test-database';

const UNITS = ['MC-Q1', 'MC-Q2', 'TTCK'];
const CHANNELS = ['kiosk', 'qr'];

interface Made {
  date: string;
  unit: string;
  channel: string;
  flagged: boolean;
  verified: boolean;
  answers: Record<string, number>;
}

const made = fc.record({
  date: fc.integer({ min: 0, max: 150 }).map((d) => addDays('2026-01-20', d)),
  unit: fc.constantFrom(...UNITS),
  channel: fc.constantFrom(...CHANNELS),
  flagged: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
  verified: fc.integer({ min: 0, max: 3 }).map((x) => x !== 0),
  answers: fc.record({ access_seats: fc.integer({ min: 0, max: 5 }), off_polite: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: ['access_seats'] }),
});

const pending = (m: Made, i: number): PendingResponse => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  surveyId: 'sipas-2017',
  surveyVersion: 1,
  localDate: m.date,
  submittedAt: `${m.date}T03:00:00.000Z`,
  receivedAt: `${m.date}T03:00:00.000Z`,
  unitCode: m.unit,
  procedureCode: '',
  officialCode: '',
  channel: m.channel,
  flagged: m.flagged,
  answers: m.answers,
  countedAnswers: m.answers,
  contentHash: `h${i}`,
  deviceId: '',
  proof: m.verified ? 'device' : 'open',
  verified: m.verified,
});

const plain = (t: Tally | undefined) => JSON.stringify(t ? { r: t.responses, a: [...t.answers].map(([q, v]) => [q, [...v].sort()]).sort() } : null);

describe.each(dialects)('reading the aggregate counts on %s', (dialect) => {
  let database: TestDatabase;
  let responses: Made[];
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    responses = fc.sample(fc.array(made, { minLength: 300, maxLength: 300 }), { numRuns: 1, seed: 7 })[0]!;
    await database.handle.db.transaction().execute((trx) => storeResponses(trx, responses.map(pending)));
  });
  afterAll(() => database.destroy());

  it('gives the same tallies from whole months plus edge days as from the responses themselves', async () => {
    const day = fc.integer({ min: -10, max: 170 }).map((d) => addDays('2026-01-20', d));
    await fc.assert(
      fc.asyncProperty(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }), fc.subarray(UNITS), fc.option(fc.constantFrom(...CHANNELS), { nil: undefined }), fc.boolean(), fc.boolean(), async (a, b, units, channel, includeFlagged, includeUnverified) => {
        const [from, to] = a && b && a > b ? [b, a] : [a, b];
        const filter: CountFilter = { surveyId: 'sipas-2017', from, to, units: units.length ? units : null, channel, includeFlagged, includeUnverified };
        const expected = emptyTally();
        let flagged = 0;
        let unverified = 0;
        for (const r of responses) {
          if ((from && r.date < from) || (to && r.date > to) || (units.length && !units.includes(r.unit)) || (channel && r.channel !== channel)) continue;
          if (r.flagged) flagged++;
          if (!r.verified) unverified++;
          if ((!r.flagged || includeFlagged) && (r.verified || includeUnverified)) addResponse(expected, r.answers);
        }
        const split = await readTallies(database.handle.db, filter);
        const daily = await readTallies(database.handle.db, filter, undefined, true);
        expect(split.flagged).toBe(flagged);
        expect(split.unverified).toBe(unverified);
        expect(plain(split.groups.get(''))).toBe(expected.responses ? plain(expected) : plain(undefined));
        expect(plain(daily.groups.get(''))).toBe(plain(split.groups.get('')));
      }),
      { numRuns: 40 },
    );
  });

  it('groups by unit and by date consistently with the whole', async () => {
    const filter: CountFilter = { surveyId: 'sipas-2017', from: '2026-02-10', to: '2026-04-20', units: null, includeFlagged: false, includeUnverified: false };
    const whole = (await readTallies(database.handle.db, filter)).groups.get('')!;
    for (const group of ['unit_code', 'local_date', 'channel'] as const) {
      const parts = (await readTallies(database.handle.db, filter, group)).groups;
      expect([...parts.values()].reduce((s, t) => s + t.responses, 0)).toBe(whole.responses);
    }
  });
});

describe.each(dialects)('the scores migration on %s', (dialect) => {
  it('arrives after later-numbered migrations ran, and rolls the counts already stored up into months', async () => {
    const config = await freshConfig(dialect);
    const handle = openDatabase(config);
    try {
      // A database migrated before this feature existed, later-numbered migrations included.
      const { '2026-11-25-10-scores': _scores, '2026-12-02-01-answer-rollups': _rollups, ...before } = migrations;
      const schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(handle.db)).rows[0]!.s : undefined;
      const old = new Migrator({ db: handle.db, provider: { getMigrations: async () => before }, ...(schema ? { migrationTableSchema: schema } : {}) });
      expect((await old.migrateToLatest()).error).toBeUndefined();
      const row = { survey_id: 's', unit_code: 'U', procedure_code: '', official_code: '', channel: 'kiosk', flagged: 0, question_id: 'q', value: '4' };
      await handle.db.insertInto('answer_counts').values([{ ...row, local_date: '2026-03-01', n: 2 }, { ...row, local_date: '2026-03-31', n: 3 }, { ...row, local_date: '2026-04-01', n: 5 }]).execute();
      expect(await migrateToLatest(handle.db, dialect)).toEqual(['2026-11-25-10-scores', '2026-12-02-01-answer-rollups']);
      const monthly = await handle.db.selectFrom('answer_counts_monthly').select(['local_date', 'n']).orderBy('local_date').execute();
      expect(monthly.map((m) => [m.local_date, Number(m.n)])).toEqual([['2026-03-01', 5], ['2026-04-01', 5]]);
      // The cuts are backfilled too: the whole organisation's month, and the unit's channel by day.
      const org = await handle.db.selectFrom('answer_rollups_monthly').select(['local_date', 'unit_code', 'n']).where('cut', '=', 'org').orderBy('local_date').execute();
      expect(org.map((m) => [m.local_date, m.unit_code, Number(m.n)])).toEqual([['2026-03-01', '*', 5], ['2026-04-01', '*', 5]]);
      const channel = await handle.db.selectFrom('answer_rollups').select(['local_date', 'unit_code', 'channel', 'procedure_code', 'n']).where('cut', '=', 'channel').orderBy('local_date').execute();
      expect(channel.map((m) => [m.local_date, m.unit_code, m.channel, m.procedure_code, Number(m.n)])).toEqual([['2026-03-01', 'U', 'kiosk', '*', 2], ['2026-03-31', 'U', 'kiosk', '*', 3], ['2026-04-01', 'U', 'kiosk', '*', 5]]);
    } finally {
      await handle.close();
      await dropConfig(config);
    }
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, sql, type Kysely } from 'kysely';
import { migrateToLatest } from '../../server/db/migrate';
import { migrations } from '../../server/db/migrations/index';
import { openDatabase } from '../../server/db/open-database';
import { addAnswerCounts, countIncrements, negated, parseCounts, type CountedResponse } from '../../server/repos/answer-counts';
import * as tallies from '../../server/db/migrations/2026-12-02-02-answer-tallies';
import * as orgProcedureCut from '../../server/db/migrations/2026-12-04-01-org-procedure-cut';
import { readTallies, type CountFilter } from '../../server/repos/score-counts';
import { storeResponses, type PendingResponse } from '../../server/repos/responses';
import { addResponse, emptyTally, type Tally } from '../../server/scoring/tally';
import { addDays } from '../../server/scoring/vietnam-time';
import { createTestDatabase, dialects, dropConfig, freshConfig, type TestDatabase } from '../helpers/test-database';

const UNITS = ['MC-Q1', 'MC-Q2', 'TTCK'];
const CHANNELS = ['kiosk', 'qr'];
// '' is a response given without a procedure.
const PROCEDURES = ['DT-01', 'LD-02', ''];

interface Made {
  date: string;
  unit: string;
  procedure: string;
  channel: string;
  flagged: boolean;
  verified: boolean;
  answers: Record<string, number>;
}

const made = fc.record({
  date: fc.integer({ min: 0, max: 150 }).map((d) => addDays('2026-01-20', d)),
  unit: fc.constantFrom(...UNITS),
  procedure: fc.constantFrom(...PROCEDURES),
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
  procedureCode: m.procedure,
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
      fc.asyncProperty(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }), fc.subarray(UNITS), fc.option(fc.constantFrom(...PROCEDURES), { nil: undefined }), fc.option(fc.constantFrom(...CHANNELS), { nil: undefined }), fc.boolean(), fc.boolean(), async (a, b, units, procedure, channel, includeFlagged, includeUnverified) => {
        const [from, to] = a && b && a > b ? [b, a] : [a, b];
        const filter: CountFilter = { surveyId: 'sipas-2017', from, to, units: units.length ? units : null, procedure, channel, includeFlagged, includeUnverified };
        const expected = emptyTally();
        let flagged = 0;
        let unverified = 0;
        for (const r of responses) {
          if ((from && r.date < from) || (to && r.date > to) || (units.length && !units.includes(r.unit)) || (procedure !== undefined && r.procedure !== procedure) || (channel && r.channel !== channel)) continue;
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

  it('breaks the whole organisation and some of its units down by procedure as the responses add up', async () => {
    // The whole organisation reads the 'org_procedure' cut, some units the 'procedure' cut.
    for (const units of [null, ['MC-Q1', 'TTCK']]) {
      const filter: CountFilter = { surveyId: 'sipas-2017', from: '2026-02-10', to: '2026-05-31', units, includeFlagged: false, includeUnverified: true };
      const expected = new Map<string, Tally>();
      for (const r of responses) {
        if (r.date < filter.from! || r.date > filter.to! || (units && !units.includes(r.unit)) || r.flagged) continue;
        if (!expected.has(r.procedure)) expected.set(r.procedure, emptyTally());
        addResponse(expected.get(r.procedure)!, r.answers);
      }
      const { groups } = await readTallies(database.handle.db, filter, 'procedure_code');
      const shown = (m: Map<string, Tally>) => [...m].map(([key, t]) => [key, plain(t)]).sort();
      expect(shown(groups)).toEqual(shown(expected));
      expect(expected.size).toBe(PROCEDURES.length);
    }
  });
});

describe.each(dialects)('the scores migration on %s', (dialect) => {
  it('arrives after later-numbered migrations ran, and rolls the counts already stored up into months, cuts and tallies', async () => {
    const config = await freshConfig(dialect);
    const handle = openDatabase(config);
    try {
      // A database migrated before this feature existed, later-numbered migrations included.
      // (The cut by procedure alone fills itself from the tallies, and the counts' compression is
      // set on their tables, so both come after them.)
      const later = ['2026-11-25-10-scores', '2026-12-02-01-answer-rollups', '2026-12-02-02-answer-tallies', '2026-12-04-01-org-procedure-cut', '2026-12-06-01-tally-counts-lz4'];
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => !later.includes(name)));
      const schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(handle.db)).rows[0]!.s : undefined;
      const old = new Migrator({ db: handle.db, provider: { getMigrations: async () => before }, ...(schema ? { migrationTableSchema: schema } : {}) });
      expect((await old.migrateToLatest()).error).toBeUndefined();
      // The counts as the first version of the table held them: one row per answer value.
      const row = { survey_id: 's', unit_code: 'U', procedure_code: '', official_code: '', channel: 'kiosk', flagged: 0 };
      const answers = (date: string, responses: number, fours: number) => [{ ...row, local_date: date, question_id: '*', value: '', n: responses }, { ...row, local_date: date, question_id: 'q', value: '4', n: fours }];
      await (handle.db as unknown as Kysely<any>).insertInto('answer_counts').values([...answers('2026-03-01', 2, 2), ...answers('2026-03-31', 3, 1), ...answers('2026-04-01', 5, 5)]).execute();
      expect(await migrateToLatest(handle.db, dialect)).toEqual(later);
      const tallies = async (table: 'answer_tallies' | 'answer_tallies_monthly', cut: string) =>
        (await handle.db.selectFrom(table).selectAll().where('cut', '=', cut).orderBy('local_date').execute()).map((t) => [t.local_date, t.unit_code, t.channel, t.procedure_code, Number(t.responses), parseCounts(t.counts)]);
      expect(await tallies('answer_tallies_monthly', 'full')).toEqual([['2026-03-01', 'U', 'kiosk', '', 5, { 'q:4': 3 }], ['2026-04-01', 'U', 'kiosk', '', 5, { 'q:4': 5 }]]);
      // The cuts are backfilled too: the whole organisation's month, and the unit's channel by day.
      expect(await tallies('answer_tallies_monthly', 'org')).toEqual([['2026-03-01', '*', '*', '*', 5, { 'q:4': 3 }], ['2026-04-01', '*', '*', '*', 5, { 'q:4': 5 }]]);
      expect(await tallies('answer_tallies', 'channel')).toEqual([['2026-03-01', 'U', 'kiosk', '*', 2, { 'q:4': 2 }], ['2026-03-31', 'U', 'kiosk', '*', 3, { 'q:4': 1 }], ['2026-04-01', 'U', 'kiosk', '*', 5, { 'q:4': 5 }]]);
      // And the scores read them as they read counts stored since.
      const read = await readTallies(handle.db, { surveyId: 's', from: '2026-03-01', to: '2026-04-30', units: null, includeFlagged: false, includeUnverified: false });
      expect(read.groups.get('')).toEqual({ responses: 10, answers: new Map([['q', new Map([['4', 8]])]]) });
    } finally {
      await handle.close();
      await dropConfig(config);
    }
  });
  it('fills the whole organisation’s cut by procedure with what the writes put there', async () => {
    const config = await freshConfig(dialect);
    const handle = openDatabase(config);
    try {
      await migrateToLatest(handle.db, dialect);
      const response = (over: Partial<CountedResponse>): CountedResponse => ({
        surveyId: 's', localDate: '2026-03-02', unitCode: 'U1', procedureCode: 'P1', officialCode: 'O1', channel: 'kiosk', flagged: false, verified: true, countedAnswers: { q: 4 }, ...over,
      });
      const taken = response({ localDate: '2026-03-20', countedAnswers: { q: 3 } });
      await handle.db.transaction().execute((trx) => addAnswerCounts(trx, countIncrements([
        response({ countedAnswers: { q: 4, m: ['a', 'b'] } }),
        response({ unitCode: 'U2', officialCode: 'O2', channel: 'qr', countedAnswers: { q: 2 } }),
        response({ unitCode: 'U2', procedureCode: 'P2', localDate: '2026-04-30', countedAnswers: { q: 5 } }),
        response({ procedureCode: '', flagged: true, verified: false, countedAnswers: { q: 1 } }),
        taken,
      ])));
      // One answer taken away again (its sums are 0 now), as deleting a response does.
      await handle.db.transaction().execute((trx) => addAnswerCounts(trx, negated(countIncrements([taken]))));
      const cut = async () => {
        const rows = [];
        for (const table of ['answer_tallies', 'answer_tallies_monthly'] as const) {
          for (const t of await handle.db.selectFrom(table).selectAll().where('cut', '=', 'org_procedure').execute()) {
            rows.push(JSON.stringify([table, t.local_date, t.unit_code, t.procedure_code, t.official_code, t.channel, Number(t.flagged), Number(t.responses), Object.entries(parseCounts(t.counts)).sort()]));
          }
        }
        return rows.sort();
      };
      const written = await cut();
      // Hand-counted, by month only: procedure P1 in March holds both units' answers of the 2nd (the
      // 20th's is gone), P2 April's, and the answer without a procedure its own (flagged, unverified).
      expect(written).toEqual([
        ['answer_tallies_monthly', '2026-03-01', '*', '', '*', '*', 3, 1, [['q:1', 1]]],
        ['answer_tallies_monthly', '2026-03-01', '*', 'P1', '*', '*', 0, 2, [['m:a', 1], ['m:b', 1], ['q:2', 1], ['q:4', 1]]],
        ['answer_tallies_monthly', '2026-04-01', '*', 'P2', '*', '*', 0, 1, [['q:5', 1]]],
      ].map((row) => JSON.stringify(row)));
      const any = handle.db as unknown as Kysely<any>;
      await orgProcedureCut.down(any);
      expect(await cut()).toEqual([]);
      await orgProcedureCut.up(any);
      expect(await cut()).toEqual(written);
    } finally {
      await handle.close();
      await dropConfig(config);
    }
  });
  it('moves the tallies back to one row per answer value and forward again, unchanged', async () => {
    const config = await freshConfig(dialect);
    const handle = openDatabase(config);
    try {
      await migrateToLatest(handle.db, dialect);
      const responses: CountedResponse[] = [
        { surveyId: 's', localDate: '2026-03-02', unitCode: 'U', procedureCode: 'P', officialCode: 'O', channel: 'kiosk', flagged: false, verified: true, countedAnswers: { q: 4, r: ['a', 'b'] } },
        { surveyId: 's', localDate: '2026-03-20', unitCode: 'U', procedureCode: '', officialCode: '', channel: 'qr', flagged: true, verified: false, countedAnswers: { q: 2 } },
      ];
      await handle.db.transaction().execute((trx) => addAnswerCounts(trx, countIncrements(responses)));
      const all = async () => {
        const rows = [];
        for (const table of ['answer_tallies', 'answer_tallies_monthly'] as const) {
          for (const t of await handle.db.selectFrom(table).selectAll().execute()) rows.push(JSON.stringify([table, t.cut, t.local_date, t.unit_code, t.procedure_code, t.official_code, t.channel, Number(t.flagged), Number(t.responses), Object.entries(parseCounts(t.counts)).sort()]));
        }
        return rows.sort();
      };
      const before = await all();
      // Two keys, each in every cut by day and by month (a cut kept by month only is one fewer by day).
      expect(before).toHaveLength(2 * 5 + 2 * 6);
      const any = handle.db as unknown as Kysely<any>;
      await tallies.down(any);
      const old = await any.selectFrom('answer_counts').select(['local_date', 'flagged', 'question_id', 'value', 'n']).orderBy('local_date').orderBy('question_id').orderBy('value').execute();
      expect(old.map((r) => [r.local_date, Number(r.flagged), r.question_id, r.value, Number(r.n)])).toEqual([
        ['2026-03-02', 0, '*', '', 1], ['2026-03-02', 0, 'q', '4', 1], ['2026-03-02', 0, 'r', 'a', 1], ['2026-03-02', 0, 'r', 'b', 1],
        ['2026-03-20', 3, '*', '', 1], ['2026-03-20', 3, 'q', '2', 1],
      ]);
      await tallies.up(any);
      expect(await all()).toEqual(before);
    } finally {
      await handle.close();
      await dropConfig(config);
    }
  });
});

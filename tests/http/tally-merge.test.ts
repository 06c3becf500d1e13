// The database's own merge of a tally row's counts (the upsert in repos/answer-counts.ts), checked
// against the same increments summed in memory: whatever is added and taken away, in whatever
// batches, each stored row holds every answer's sum and no answer whose sum came back to 0.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAnswerCounts, countIncrements, negated, parseCounts, tallyTableRows, TALLY_TABLES, type CountedResponse, type TallyIncrement } from '../../server/repos/answer-counts';
import { createTestDatabase, dialects, type TestDatabase } from '../helpers/test-database';

const response = fc.record({
  localDate: fc.constantFrom('2026-03-02', '2026-03-31', '2026-04-01'),
  unitCode: fc.constantFrom('U1', 'U2'),
  procedureCode: fc.constantFrom('P1', ''),
  officialCode: fc.constantFrom('O1', ''),
  channel: fc.constantFrom('kiosk', 'qr'),
  flagged: fc.boolean(),
  verified: fc.boolean(),
  countedAnswers: fc.record({ overall: fc.integer({ min: 0, max: 5 }), reasons: fc.subarray(['late', 'kind', 'clear_guidance']) }, { requiredKeys: ['overall'] }),
}).map((r): CountedResponse => ({ surveyId: 'counter-quick', ...r }));

/** Batches to add, and for each whether it is later taken away again (in a batch of its own). */
const steps = fc.array(fc.record({ batch: fc.array(response, { minLength: 1, maxLength: 8 }), takenAway: fc.boolean() }), { minLength: 1, maxLength: 6 });

type Stored = Map<string, { responses: number; counts: Record<string, number> }>;

const keyOf = (r: { cut: string; local_date: string; unit_code: string; procedure_code: string; official_code: string; channel: string; flagged: number | string }) =>
  [r.cut, r.local_date, r.unit_code, r.procedure_code, r.official_code, r.channel, Number(r.flagged)].join('|');

/** What the increments add up to, rows that hold nothing left out. */
function summed(increments: TallyIncrement[]): Map<string, Stored> {
  return new Map(tallyTableRows(increments).map(([table, rows]) => [table, new Map(rows.map((r) => [keyOf(r), { responses: r.responses, counts: parseCounts(r.counts) }]))]));
}

describe.each(dialects)('the tallies merged by the database on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database?.destroy());

  async function stored(): Promise<Map<string, Stored>> {
    const out = new Map<string, Stored>();
    for (const table of TALLY_TABLES) {
      const rows = (await database.handle.db.selectFrom(table).selectAll().execute()).map((r) => ({ key: keyOf(r), responses: Number(r.responses), counts: parseCounts(r.counts) }));
      // A row whose every count came back to 0 stays as an empty row: it holds nothing.
      const kept = rows.filter((r) => r.responses !== 0 || Object.keys(r.counts).length);
      out.set(table, new Map(kept.map(({ key, ...held }) => [key, held])));
    }
    return out;
  }

  it('holds each answer’s sum, and drops an answer once what was added is taken away', async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (plan) => {
        for (const table of TALLY_TABLES) await database.handle.db.deleteFrom(table).execute();
        const all: TallyIncrement[] = [];
        const apply = async (increments: TallyIncrement[]) => {
          all.push(...increments);
          await database.handle.db.transaction().execute((trx) => addAnswerCounts(trx, increments));
        };
        for (const step of plan) await apply(countIncrements(step.batch));
        for (const step of plan) if (step.takenAway) await apply(negated(countIncrements(step.batch)));
        const expected = summed(all);
        const got = await stored();
        for (const table of TALLY_TABLES) expect(got.get(table)).toEqual(expected.get(table));
        // Taking everything away leaves nothing behind.
        if (plan.every((s) => s.takenAway)) for (const table of TALLY_TABLES) expect(got.get(table)!.size).toBe(0);
      }),
      { numRuns: 30 },
    );
  });
});

describe.skipIf(!dialects.includes('postgres'))('a busy tally row on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => database?.destroy());

  it('is compressed with lz4 (cheaper to rewrite at each fold than pglz) and reads back whole', async () => {
    // An answer key per free choice: a counts object of some 40 KB, well past the size PostgreSQL compresses.
    const batch = Array.from({ length: 2000 }, (_, i): CountedResponse => ({
      surveyId: 'counter-quick', localDate: '2026-03-02', unitCode: 'U1', procedureCode: '', officialCode: '', channel: 'kiosk',
      flagged: false, verified: true, countedAnswers: { overall: 1 + (i % 3), reasons: [`reason_${i}`] },
    }));
    const increments = countIncrements(batch);
    await database.handle.db.transaction().execute((trx) => addAnswerCounts(trx, increments));
    await database.handle.db.transaction().execute((trx) => addAnswerCounts(trx, increments));
    for (const table of TALLY_TABLES) {
      const { rows } = await sql<{ compression: string | null; counts: Record<string, number> }>`
        select pg_column_compression(counts) as compression, counts from ${sql.table(table)}
        where cut = 'full' and unit_code = 'U1' and procedure_code = '' and official_code = '' and channel = 'kiosk'`.execute(database.handle.db);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.compression).toBe('lz4');
      expect(Object.keys(rows[0]!.counts)).toHaveLength(2003);
      expect(rows[0]!.counts['reasons:reason_1999']).toBe(2);
      expect(rows[0]!.counts['overall:1']).toBe(1334);
    }
  });
});

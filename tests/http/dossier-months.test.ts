import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, sql, type Kysely } from 'kysely';
import { migrateToLatest } from '../../server/db/migrate';
import { migrations } from '../../server/db/migrations/index';
import { openDatabase } from '../../server/db/open-database';
import { addDossierCounts, dossierSums } from '../../server/repos/dossier-counts';
import { addDays } from '../../server/scoring/vietnam-time';
import { createTestDatabase, dialects, dropConfig, freshConfig, type TestDatabase } from '../helpers/test-database';

// The dossier counts are read as whole months from their monthly sums plus the days at either edge
// (repos/dossier-counts.ts); every read must give what the days alone give.

const UNITS = ['MC-Q1', 'MC-Q2', 'TTCK'];
const PROCEDURES = ['DT-01', 'LD-02'];
const COUNTERS = ['dossiers', 'withDue', 'onTime', 'late', 'rated', 'dissatisfied', 'dissatisfiedNotLate'] as const;

const returned = fc.record({
  date: fc.integer({ min: 0, max: 200 }).map((d) => addDays('2026-01-20', d)),
  unit: fc.constantFrom(...UNITS),
  procedure: fc.constantFrom(...PROCEDURES),
  late: fc.boolean(),
  rated: fc.boolean(),
  dissatisfied: fc.boolean(),
});
type Returned = typeof returned extends fc.Arbitrary<infer T> ? T : never;

/** The increment one returned dossier adds, as the invitation paths add them. */
const increment = (r: Returned) => ({
  dossiers: 1, with_due: 1, on_time: r.late ? 0 : 1, late: r.late ? 1 : 0,
  rated: r.rated ? 1 : 0, dissatisfied: r.rated && r.dissatisfied ? 1 : 0, dissatisfied_not_late: r.rated && r.dissatisfied && !r.late ? 1 : 0,
});

/** Rows summed by month (and unit), as every reader of whole months goes on to do. */
function byMonth(rows: readonly ({ unit: string; date: string } & Record<(typeof COUNTERS)[number], number>)[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const row of rows) {
    const key = `${row.unit} ${row.date.slice(0, 7)}`;
    const sums = (out[key] ??= COUNTERS.map(() => 0));
    COUNTERS.forEach((c, i) => (sums[i]! += row[c]));
  }
  return out;
}

describe.each(dialects)('the dossier counts by month on %s', (dialect) => {
  let database: TestDatabase;
  let dossiers: Returned[];
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dossiers = fc.sample(fc.array(returned, { minLength: 400, maxLength: 400 }), { numRuns: 1, seed: 11 })[0]!;
    await database.handle.db.transaction().execute(async (trx) => {
      for (const r of dossiers) await addDossierCounts(trx, { unit_code: r.unit, procedure_code: r.procedure, return_date: r.date }, increment(r));
    });
  });
  afterAll(() => database.destroy());

  it('gives by month what the days give, and what was added, for any range, units and procedure', async () => {
    const day = fc.integer({ min: -10, max: 215 }).map((d) => addDays('2026-01-20', d));
    await fc.assert(
      fc.asyncProperty(day, day, fc.option(fc.subarray(UNITS), { nil: null }), fc.option(fc.constantFrom(...PROCEDURES), { nil: undefined }), fc.boolean(), async (a, b, units, procedure, byUnit) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const query = { from, to, units, procedure, byUnit };
        const months = await dossierSums(database.handle.db, { ...query, wholeMonths: true });
        const days = await dossierSums(database.handle.db, { ...query, wholeMonths: false });
        expect(byMonth(months)).toEqual(byMonth(days));
        // The same from the dossiers themselves, counted here.
        const added = dossiers
          .filter((r) => r.date >= from && r.date <= to && (units === null || units.includes(r.unit)) && (procedure === undefined || r.procedure === procedure))
          .map((r) => {
            const i = increment(r);
            return { unit: byUnit ? r.unit : '', date: r.date, dossiers: i.dossiers, withDue: i.with_due, onTime: i.on_time, late: i.late, rated: i.rated, dissatisfied: i.dissatisfied, dissatisfiedNotLate: i.dissatisfied_not_late };
          });
        expect(byMonth(months)).toEqual(byMonth(added));
      }),
      { numRuns: 40 },
    );
  });
});

describe.each(dialects)('the dossier months migration on %s', (dialect) => {
  it('sums the days already counted into their months', async () => {
    const config = await freshConfig(dialect);
    const handle = openDatabase(config);
    try {
      const later = '2026-12-06-02-dossier-counts-monthly';
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== later));
      const schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(handle.db)).rows[0]!.s : undefined;
      const old = new Migrator({ db: handle.db, provider: { getMigrations: async () => before }, ...(schema ? { migrationTableSchema: schema } : {}) });
      expect((await old.migrateToLatest()).error).toBeUndefined();
      const row = (unit: string, date: string, dossiers: number, late: number) => ({ unit_code: unit, procedure_code: 'DT-01', return_date: date, dossiers, with_due: dossiers, on_time: dossiers - late, late, rated: 1, dissatisfied: 0, dissatisfied_not_late: 0 });
      await (handle.db as unknown as Kysely<any>).insertInto('dossier_counts').values([row('U', '2026-03-01', 2, 1), row('U', '2026-03-31', 3, 0), row('U', '2026-04-01', 5, 2), row('V', '2026-03-15', 1, 0)]).execute();
      expect(await migrateToLatest(handle.db, dialect)).toEqual([later]);
      const months = (await handle.db.selectFrom('dossier_counts_monthly').selectAll().orderBy('unit_code').orderBy('return_date').execute()).map((r) => [r.unit_code, r.return_date, Number(r.dossiers), Number(r.late), Number(r.rated)]);
      expect(months).toEqual([['U', '2026-03-01', 5, 1, 2], ['U', '2026-04-01', 5, 2, 1], ['V', '2026-03-01', 1, 0, 1]]);
    } finally {
      await handle.close();
      await dropConfig(config);
    }
  });
});

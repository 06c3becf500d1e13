import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { NewDossierCountRow } from '../db/tables/dossier-counts';
import { ALL_UNITS, dossierLattice, type DossierLattice, type UnitMonthRated } from '../scoring/dossier-lattice';
import { summariseDossiers, type DossierCounts, type DossierFigures, type Period, type PeriodFigures } from '../scoring/dossier-figures';
import { protectDossierRatings } from '../scoring/dossier-ratings-privacy';
import type { UnitNode } from '../scoring/unit-tree';
import { monthStart, splitByWholeMonths, type DateSpan } from '../scoring/month-split';

type Increment = Partial<Omit<NewDossierCountRow, 'unit_code' | 'procedure_code' | 'return_date'>>;
const COUNTERS = ['dossiers', 'with_due', 'on_time', 'late', 'rated', 'dissatisfied', 'dissatisfied_not_late'] as const;
type Counter = (typeof COUNTERS)[number];

/** Every counter summed over the rows a query groups, for its select list. */
const counterSums = (eb: ExpressionBuilder<Database, 'dossier_counts'>) => COUNTERS.map((c) => eb.fn.sum<number>(c).as(c));

/** Those sums as the scoring code counts them (drivers may return sums as strings). */
const countsOfSums = (r: Record<Counter, number | string>): DossierCounts => ({
  dossiers: Number(r.dossiers),
  withDue: Number(r.with_due),
  onTime: Number(r.on_time),
  late: Number(r.late),
  rated: Number(r.rated),
  dissatisfied: Number(r.dissatisfied),
  dissatisfiedNotLate: Number(r.dissatisfied_not_late),
});

/** The daily counters and their sums by month (return_date the month's first day): the same columns. */
type DossierTable = 'dossier_counts' | 'dossier_counts_monthly';

/**
 * Adds to the counters of one unit, procedure and return date, and to those of its month; call
 * inside the changing transaction, so that the two tables always agree.
 */
export async function addDossierCounts(
  trx: Kysely<Database>,
  key: { unit_code: string; procedure_code: string; return_date: string },
  increment: Increment,
): Promise<void> {
  const values = Object.fromEntries(COUNTERS.map((c) => [c, increment[c] ?? 0])) as Required<Increment>;
  for (const [table, return_date] of [['dossier_counts', key.return_date], ['dossier_counts_monthly', monthStart(key.return_date)]] as const) {
    await trx
      .insertInto(table)
      .values({ ...key, return_date, ...values })
      .onConflict((oc) =>
        oc.columns(['unit_code', 'procedure_code', 'return_date']).doUpdateSet((eb) =>
          Object.fromEntries(COUNTERS.map((c) => [c, eb(`${table}.${c}` as `dossier_counts.${Counter}`, '+', eb.ref(`excluded.${c}`))])),
        ),
      )
      .execute();
  }
}

/** What dossierSums reads: returns within [from, to], of some units (null: all) and one procedure or all. */
export interface DossierSumsQuery {
  from: string;
  to: string;
  units: readonly string[] | null;
  procedure?: string;
  /** Summed by unit and date, or by date alone. */
  byUnit: boolean;
  /** Whole months may come as one row each, dated their first day (for figures by month or coarser). */
  wholeMonths: boolean;
}

/**
 * The counters of the dossiers returned within the range, summed by date (and unit): the whole
 * months from dossier_counts_monthly, the days at either edge from dossier_counts, as the tallies
 * are read (scoring/month-split.ts). Every scores call reads a year or more of them.
 */
export async function dossierSums(db: Kysely<Database>, q: DossierSumsQuery): Promise<({ unit: string; date: string } & DossierCounts)[]> {
  if (q.units && q.units.length === 0) return [];
  const split = q.wholeMonths ? splitByWholeMonths({ from: q.from, to: q.to }) : { months: null, days: [{ from: q.from, to: q.to }] };
  const reads: [DossierTable, DateSpan][] = split.days.map((span) => ['dossier_counts', span]);
  if (split.months) reads.push(['dossier_counts_monthly', split.months]);
  const out: ({ unit: string; date: string } & DossierCounts)[] = [];
  for (const [table, span] of reads) {
    // Both tables have the same columns; the query is typed as the daily one's.
    let query = db
      .selectFrom(table as 'dossier_counts')
      .select((eb) => [q.byUnit ? 'unit_code' : eb.val('').as('unit_code'), 'return_date', ...counterSums(eb)])
      .groupBy(q.byUnit ? ['unit_code', 'return_date'] : ['return_date']);
    if (span.from !== undefined) query = query.where('return_date', '>=', span.from);
    if (span.to !== undefined) query = query.where('return_date', '<=', span.to);
    if (q.units) query = query.where('unit_code', 'in', [...q.units]);
    if (q.procedure) query = query.where('procedure_code', '=', q.procedure);
    for (const r of await query.execute()) out.push({ unit: r.unit_code, date: r.return_date, ...countsOfSums(r) });
  }
  return out;
}

export interface DossierFilter {
  /** The unit asked about, whose subtree `units` is; null: every unit. */
  unit: string | null;
  /** The units to count (a unit and its sub-units); null: every unit. */
  units: readonly string[] | null;
  procedure?: string;
  /** Vietnam dates of return, inclusive. */
  from: string;
  to: string;
  period: Period;
}

/**
 * On-time share and Decision 766 handling satisfaction for the filter, in total and per period,
 * with the ratings withheld where they could show one person's (dossier-ratings-privacy.ts).
 */
export async function dossierFigures(db: Kysely<Database>, filter: DossierFilter, ctx: { units: readonly UnitNode[]; today: string }): Promise<{ total: DossierFigures; periods: PeriodFigures[] }> {
  const lattice = latticesOf(ctx.units, await ratedByMonth(db, `${filter.from.slice(0, 4)}-01-01`, `${filter.to.slice(0, 4)}-12-31`));
  return protectDossierRatings(await rawDossierFigures(db, filter), {
    unit: filter.unit ?? ALL_UNITS,
    from: filter.from,
    to: filter.to,
    period: filter.period,
    procedureFiltered: filter.procedure !== undefined,
    today: ctx.today,
    lattice,
  });
}

/** The lattice of each year, built the first time it is asked for. */
export function latticesOf(units: readonly UnitNode[], monthly: readonly UnitMonthRated[]): (year: string) => DossierLattice {
  const built = new Map<string, DossierLattice>();
  return (year) => {
    let lattice = built.get(year);
    if (!lattice) built.set(year, (lattice = dossierLattice(units, monthly, year)));
    return lattice;
  };
}

/** Rated dossiers per unit and month of return, in every unit, over whole years. */
export async function ratedByMonth(db: Kysely<Database>, from: string, to: string): Promise<UnitMonthRated[]> {
  const byMonth = new Map<string, UnitMonthRated>();
  for (const r of await dossierSums(db, { from, to, units: null, byUnit: true, wholeMonths: true })) {
    if (r.rated === 0) continue;
    const key = `${r.unit}|${r.date.slice(0, 7)}`;
    const known = byMonth.get(key) ?? { unit: r.unit, month: r.date.slice(0, 7), rated: 0 };
    known.rated += r.rated;
    byMonth.set(key, known);
  }
  return [...byMonth.values()];
}

async function rawDossierFigures(db: Kysely<Database>, filter: DossierFilter): Promise<{ total: DossierFigures; periods: PeriodFigures[] }> {
  // A month's row holds its days: enough for periods of a month or more, not for days or weeks.
  const wholeMonths = filter.period !== 'day' && filter.period !== 'week';
  const rows = await dossierSums(db, { from: filter.from, to: filter.to, units: filter.units, procedure: filter.procedure, byUnit: false, wholeMonths });
  return summariseDossiers(rows, filter, filter.period);
}

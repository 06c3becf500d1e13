import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { NewDossierCountRow } from '../db/tables/dossier-counts';
import { ALL_UNITS, dossierLattice, type DossierLattice, type UnitMonthRated } from '../scoring/dossier-lattice';
import { summariseDossiers, type DossierCounts, type DossierFigures, type Period, type PeriodFigures } from '../scoring/dossier-figures';
import { protectDossierRatings } from '../scoring/dossier-ratings-privacy';
import type { UnitNode } from '../scoring/unit-tree';

type Increment = Partial<Omit<NewDossierCountRow, 'unit_code' | 'procedure_code' | 'return_date'>>;
const COUNTERS = ['dossiers', 'with_due', 'on_time', 'late', 'rated', 'dissatisfied', 'dissatisfied_not_late'] as const;
type Counter = (typeof COUNTERS)[number];

/** Every counter summed over the rows a query groups, for its select list. */
export const counterSums = (eb: ExpressionBuilder<Database, 'dossier_counts'>) => COUNTERS.map((c) => eb.fn.sum<number>(c).as(c));

/** Those sums as the scoring code counts them (drivers may return sums as strings). */
export const countsOfSums = (r: Record<Counter, number | string>): DossierCounts => ({
  dossiers: Number(r.dossiers),
  withDue: Number(r.with_due),
  onTime: Number(r.on_time),
  late: Number(r.late),
  rated: Number(r.rated),
  dissatisfied: Number(r.dissatisfied),
  dissatisfiedNotLate: Number(r.dissatisfied_not_late),
});

/** Adds to the counters of one unit, procedure and return date; call inside the changing transaction. */
export async function addDossierCounts(
  trx: Kysely<Database>,
  key: { unit_code: string; procedure_code: string; return_date: string },
  increment: Increment,
): Promise<void> {
  const values = Object.fromEntries(COUNTERS.map((c) => [c, increment[c] ?? 0])) as Required<Increment>;
  await trx
    .insertInto('dossier_counts')
    .values({ ...key, ...values })
    .onConflict((oc) =>
      oc.columns(['unit_code', 'procedure_code', 'return_date']).doUpdateSet((eb) =>
        Object.fromEntries(COUNTERS.map((c) => [c, eb(`dossier_counts.${c}`, '+', eb.ref(`excluded.${c}`))])),
      ),
    )
    .execute();
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
  const rows = await db
    .selectFrom('dossier_counts')
    .select(['unit_code', 'return_date', (eb) => eb.fn.sum<number>('rated').as('rated')])
    .where('rated', '>', 0)
    .where('return_date', '>=', from)
    .where('return_date', '<=', to)
    .groupBy(['unit_code', 'return_date'])
    .execute();
  const byMonth = new Map<string, UnitMonthRated>();
  for (const r of rows) {
    const key = `${r.unit_code}|${r.return_date.slice(0, 7)}`;
    const known = byMonth.get(key) ?? { unit: r.unit_code, month: r.return_date.slice(0, 7), rated: 0 };
    known.rated += Number(r.rated);
    byMonth.set(key, known);
  }
  return [...byMonth.values()];
}

async function rawDossierFigures(db: Kysely<Database>, filter: DossierFilter): Promise<{ total: DossierFigures; periods: PeriodFigures[] }> {
  if (filter.units && filter.units.length === 0) return summariseDossiers([], filter, filter.period);
  let q = db
    .selectFrom('dossier_counts')
    .select((eb) => ['return_date', ...counterSums(eb)])
    .where('return_date', '>=', filter.from)
    .where('return_date', '<=', filter.to)
    .groupBy('return_date');
  if (filter.units) q = q.where('unit_code', 'in', [...filter.units]);
  if (filter.procedure) q = q.where('procedure_code', '=', filter.procedure);
  const rows = await q.execute();
  return summariseDossiers(
    rows.map((r) => ({ date: r.return_date, ...countsOfSums(r) })),
    filter,
    filter.period,
  );
}

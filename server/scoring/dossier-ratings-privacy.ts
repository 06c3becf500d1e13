// Dossier figures as they may be shown (and any other cell of ratings, ratingCellReason): counts of dossiers and their timing always, the ratings
// (rated, dissatisfied, Decision 766 handling satisfaction) only for a whole calendar month,
// quarter or year that has ended, without a procedure filter, where the year's lattice shows the
// cell (dossier-lattice.ts). Staff know which dossier came back when: anything finer, or a running
// month read again tomorrow, would show one person's rating.
import type { DossierLattice } from './dossier-lattice';
import { withholdRatings, type DossierFigures, type Period, type PeriodFigures } from './dossier-figures';
import { periodOf } from './periods';
import type { WithheldReason } from './score-card';

export interface RatingsContext {
  /** The unit asked about (ALL_UNITS for every unit). */
  unit: string;
  from: string;
  to: string;
  period: Period;
  procedureFiltered: boolean;
  today: string;
  /** The lattice of a year. */
  lattice(year: string): DossierLattice;
}

type Grain = 'month' | 'quarter' | 'year';
const GRAINS: readonly Grain[] = ['month', 'quarter', 'year'];

/** Why the ratings of one cell (a unit over from…to) may not be shown; null when they may. */
export function ratingCellReason(ctx: Omit<RatingsContext, 'from' | 'to' | 'period'>, from: string, to: string): WithheldReason | null {
  if (ctx.procedureFiltered) return 'filtered';
  const whole = GRAINS.map((g) => periodOf(from, g)).find((p) => p.from === from && p.to === to);
  if (!whole) return 'not_whole_period';
  if (whole.to >= ctx.today) return 'period_not_ended';
  const verdict = ctx.lattice(whole.from.slice(0, 4)).verdict(ctx.unit, whole.key);
  return verdict === 'shown' ? null : verdict;
}

export function protectDossierRatings(figures: { total: DossierFigures; periods: PeriodFigures[] }, ctx: RatingsContext): { total: DossierFigures; periods: PeriodFigures[] } {
  const reasonFor = (from: string, to: string) => ratingCellReason(ctx, from, to);
  const guard = <F extends DossierFigures>(f: F, reason: WithheldReason | null) => (reason ? withholdRatings(f, reason) : f);
  return {
    total: guard(figures.total, reasonFor(ctx.from, ctx.to)),
    periods: figures.periods.map((p) => guard(p, ctx.period === 'day' || ctx.period === 'week' ? 'not_whole_period' : reasonFor(p.from, p.to))),
  };
}

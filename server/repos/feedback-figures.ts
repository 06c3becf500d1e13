import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { daysBetween, FigureTally, isComplaint, type FeedbackFigures } from '../scoring/feedback-figures';
import { periodBuckets, periodKey, type PeriodBucket, type PeriodKind } from '../scoring/period-buckets';
import { onOrBefore, vietnamDate } from '../scoring/vietnam-time';

export interface FeedbackFigureFilter {
  /** The units whose items count (items are filed under the unit they concern); null: every unit. */
  units: readonly string[] | null;
  /** Vietnam dates of receipt, inclusive. */
  from: string;
  to: string;
  /** Also split the range into months, quarters or years (default: the whole range only). */
  period?: PeriodKind;
  /** The instant "overdue" and "pending" are judged at (usually now). */
  asOf: Date;
}

export interface FeedbackFigureReport {
  from: string;
  to: string;
  period: PeriodKind;
  asOf: string;
  total: FeedbackFigures;
  periods: (PeriodBucket & { figures: FeedbackFigures })[];
  /** One row per unit that received items in the range, in unit code order. */
  units: { unit: string; figures: FeedbackFigures }[];
}

/**
 * Received, answered, answered on time, median days to answer and the Decision 766 "complaints
 * handled on time" for items received in a date range, in total, per period and per unit.
 */
export async function feedbackFigures(db: Kysely<Database>, filter: FeedbackFigureFilter): Promise<FeedbackFigureReport> {
  const period = filter.period ?? 'all';
  let q = db
    .selectFrom('feedback_items')
    .select(['kind', 'unit_code', 'local_date', 'received_at', 'due_date', 'answered_at'])
    .where('local_date', '>=', filter.from)
    .where('local_date', '<=', filter.to);
  if (filter.units?.length) q = q.where('unit_code', 'in', [...filter.units]);
  // No unit, no item (a NUL code to match nothing is refused by PostgreSQL's text).
  const rows = filter.units && !filter.units.length ? [] : await q.execute();

  // Each item is judged once and counted at once in its three groups (the total, its period, its
  // unit): no object or list is made per item, which kept the garbage collector busy.
  const today = vietnamDate(filter.asOf);
  const total = new FigureTally(today);
  const byPeriod = new Map<string, FigureTally>();
  // Items of a day share a period: the period's tally is found by the day's date, as stored.
  const byDate = new Map<string, FigureTally>();
  const byUnit = new Map<string, FigureTally>();
  for (const r of rows) {
    let inPeriod = byDate.get(r.local_date);
    if (!inPeriod) {
      const key = periodKey(r.local_date, period);
      inPeriod = byPeriod.get(key);
      if (!inPeriod) byPeriod.set(key, (inPeriod = new FigureTally(today)));
      byDate.set(r.local_date, inPeriod);
    }
    let inUnit = byUnit.get(r.unit_code);
    if (!inUnit) byUnit.set(r.unit_code, (inUnit = new FigureTally(today)));
    const complaint = isComplaint(r.kind);
    const answered = r.answered_at !== null;
    const onTime = answered ? onOrBefore(r.answered_at!, r.due_date) : null;
    const days = answered ? daysBetween(r.received_at, r.answered_at!) : 0;
    total.add(complaint, r.due_date, onTime, days);
    inPeriod.add(complaint, r.due_date, onTime, days);
    inUnit.add(complaint, r.due_date, onTime, days);
  }
  const figuresOf = (tally: FigureTally | undefined) => (tally ?? new FigureTally(today)).figures();
  return {
    from: filter.from,
    to: filter.to,
    period,
    asOf: filter.asOf.toISOString(),
    total: total.figures(),
    periods: periodBuckets(filter.from, filter.to, period).map((b) => ({ ...b, figures: figuresOf(byPeriod.get(b.key)) })),
    units: [...byUnit.keys()].sort().map((unit) => ({ unit, figures: figuresOf(byUnit.get(unit)) })),
  };
}

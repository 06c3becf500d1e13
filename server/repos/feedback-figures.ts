import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { FeedbackKind } from '../feedback/feedback-rules';
import { figuresOfPrepared, prepareFigureItem, type FeedbackFigures, type PreparedFigureItem } from '../scoring/feedback-figures';
import { periodBuckets, periodKey, type PeriodBucket, type PeriodKind } from '../scoring/period-buckets';

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
  if (filter.units) q = q.where('unit_code', 'in', filter.units.length ? [...filter.units] : ['\u0000none']);
  const rows = await q.execute();

  // Each item is read once (its dates parsed once) and grouped in the same pass, so a report costs
  // three cheap passes over the items whatever its length.
  const all: PreparedFigureItem[] = [];
  const byPeriod = new Map<string, PreparedFigureItem[]>();
  const byUnit = new Map<string, PreparedFigureItem[]>();
  const add = (groups: Map<string, PreparedFigureItem[]>, key: string, item: PreparedFigureItem) => {
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  };
  for (const r of rows) {
    const item = prepareFigureItem({ kind: r.kind as FeedbackKind, receivedAt: r.received_at, dueDate: r.due_date, answeredAt: r.answered_at });
    all.push(item);
    add(byPeriod, periodKey(r.local_date, period), item);
    add(byUnit, r.unit_code, item);
  }
  const figuresOf = (items: PreparedFigureItem[] | undefined) => figuresOfPrepared(items ?? [], filter.asOf);
  return {
    from: filter.from,
    to: filter.to,
    period,
    asOf: filter.asOf.toISOString(),
    total: figuresOf(all),
    periods: periodBuckets(filter.from, filter.to, period).map((b) => ({ ...b, figures: figuresOf(byPeriod.get(b.key)) })),
    units: [...byUnit.keys()].sort().map((unit) => ({ unit, figures: figuresOf(byUnit.get(unit)) })),
  };
}

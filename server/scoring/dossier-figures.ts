// The on-time share and the Decision 766 indicator "satisfaction with procedure handling", from
// the dossier counters, per period. Pure: counts in, figures out.
import { periodOf as calendarPeriod } from './periods';
import type { WithheldReason } from './score-card';
import { wilsonInterval } from './wilson';

export interface DossierCounts {
  dossiers: number;
  withDue: number;
  onTime: number;
  late: number;
  rated: number;
  dissatisfied: number;
  /** Rated dissatisfied and not returned late. */
  dissatisfiedNotLate: number;
}

/** A percentage with its Wilson 95% interval; null when there is nothing to divide by. */
export interface Share {
  percent: number | null;
  low: number | null;
  high: number | null;
  n: number;
}

/** The counts that come from people's ratings: withheld where they could show one person's. */
export const RATING_COUNTS = ['rated', 'dissatisfied', 'dissatisfiedNotLate'] as const;
type RatingCount = (typeof RATING_COUNTS)[number];

export interface DossierFigures extends Omit<DossierCounts, RatingCount>, Record<RatingCount, number | null> {
  /** Returned on or before the due date, among dossiers with a due date. */
  onTimeShare: Share;
  /** Decision 766: (dossiers − rated dissatisfied or returned late) / dossiers. */
  handlingSatisfaction: Share;
  /** Why the ratings (and so the handling satisfaction) are not shown; null when they are. */
  ratingsWithheld: WithheldReason | null;
}

export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'all';
export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'quarter', 'year', 'all'];

export interface PeriodFigures extends DossierFigures {
  /** 2026-03-10, 2026-W11, 2026-03, 2026-Q1, 2026 or "all". */
  period: string;
  /** The first and last day of the period inside the asked range. */
  from: string;
  to: string;
}

const EMPTY: DossierCounts = { dossiers: 0, withDue: 0, onTime: 0, late: 0, rated: 0, dissatisfied: 0, dissatisfiedNotLate: 0 };

/** A share in percent with its Wilson 95% interval. */
export function share(successes: number, n: number): Share {
  const interval = wilsonInterval(successes, n);
  if (!interval) return { percent: null, low: null, high: null, n: 0 };
  return { percent: (successes / n) * 100, low: interval[0], high: interval[1], n };
}

export function dossierFigures(counts: DossierCounts): DossierFigures {
  return {
    ...counts,
    onTimeShare: share(counts.onTime, counts.withDue),
    handlingSatisfaction: share(counts.dossiers - counts.late - counts.dissatisfiedNotLate, counts.dossiers),
    ratingsWithheld: null,
  };
}

/** The same figures with everything that comes from ratings hidden, saying why. */
export function withholdRatings<F extends DossierFigures>(figures: F, reason: WithheldReason): F {
  return { ...figures, rated: null, dissatisfied: null, dissatisfiedNotLate: null, handlingSatisfaction: { percent: null, low: null, high: null, n: 0 }, ratingsWithheld: reason };
}

export function addCounts(a: DossierCounts, b: DossierCounts): DossierCounts {
  return {
    dossiers: a.dossiers + b.dossiers,
    withDue: a.withDue + b.withDue,
    onTime: a.onTime + b.onTime,
    late: a.late + b.late,
    rated: a.rated + b.rated,
    dissatisfied: a.dissatisfied + b.dissatisfied,
    dissatisfiedNotLate: a.dissatisfiedNotLate + b.dissatisfiedNotLate,
  };
}

/**
 * Sums dated counters into periods within [from, to] (inclusive Vietnam dates), in date order,
 * with the figures of each period and of the whole range.
 */
export function summariseDossiers(
  rows: readonly ({ date: string } & DossierCounts)[],
  range: { from: string; to: string },
  period: Period,
): { total: DossierFigures; periods: PeriodFigures[] } {
  const buckets = new Map<string, { from: string; to: string; counts: DossierCounts }>();
  let total = EMPTY;
  for (const { date, ...counts } of [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (date < range.from || date > range.to) continue;
    const span = period === 'all' ? { key: 'all', ...range } : calendarPeriod(date, period);
    const bucket = buckets.get(span.key) ?? { from: span.from, to: span.to, counts: EMPTY };
    bucket.counts = addCounts(bucket.counts, counts);
    buckets.set(span.key, bucket);
    total = addCounts(total, counts);
  }
  const periods = [...buckets.entries()].map(([key, b]) => ({
    period: key,
    from: b.from < range.from ? range.from : b.from,
    to: b.to > range.to ? range.to : b.to,
    ...dossierFigures(b.counts),
  }));
  return { total: dossierFigures(total), periods };
}

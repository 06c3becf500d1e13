// Splitting a date range into calendar periods (months, quarters, years) for figures over time,
// on the same calendar as the scores (periods.ts).
import { periodOf } from './periods';
import { addDays } from './vietnam-time';

export const PERIOD_KINDS = ['all', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodBucket {
  /** "2026-03", "2026-Q1", "2026", or "all". */
  key: string;
  /** First and last date of the bucket inside the range (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
}

/** The key of the period a date falls in. */
export function periodKey(date: string, kind: PeriodKind): string {
  // Read off the date itself where that is enough: this runs once per item of a report.
  switch (kind) {
    case 'all': return 'all';
    case 'month': return date.slice(0, 7);
    case 'quarter': return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
    case 'year': return date.slice(0, 4);
  }
}

/** The periods covering from…to in order, each clipped to the range. */
export function periodBuckets(from: string, to: string, kind: PeriodKind): PeriodBucket[] {
  if (kind === 'all' || from > to) return [{ key: 'all', from, to }];
  const buckets: PeriodBucket[] = [];
  for (let start = from; start <= to; ) {
    const period = periodOf(start, kind);
    const end = period.to < to ? period.to : to;
    buckets.push({ key: period.key, from: start, to: end });
    start = end < period.to ? addDays(end, 1) : monthAfter(period.to);
  }
  return buckets;
}

/** The first day of the month after `date`'s, from the text alone: an open range has hundreds of months. */
function monthAfter(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${date.slice(0, 5)}${String(month + 1).padStart(2, '0')}-01`;
}

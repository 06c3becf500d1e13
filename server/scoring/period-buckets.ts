// Splitting a date range into calendar periods (months, quarters, years) for figures over time.
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
  const [year, month] = [date.slice(0, 4), Number(date.slice(5, 7))];
  if (kind === 'month') return date.slice(0, 7);
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  if (kind === 'year') return year;
  return 'all';
}

/** The periods covering from…to in order, each clipped to the range. */
export function periodBuckets(from: string, to: string, kind: PeriodKind): PeriodBucket[] {
  if (kind === 'all' || from > to) return [{ key: 'all', from, to }];
  const buckets: PeriodBucket[] = [];
  let start = from;
  while (start <= to) {
    const end = min(lastDayOfPeriod(start, kind), to);
    buckets.push({ key: periodKey(start, kind), from: start, to: end });
    start = addDays(end, 1);
  }
  return buckets;
}

function lastDayOfPeriod(date: string, kind: Exclude<PeriodKind, 'all'>): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const lastMonth = kind === 'month' ? month : kind === 'quarter' ? Math.ceil(month / 3) * 3 : 12;
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, lastMonth, 0)).toISOString().slice(0, 10);
}

const min = (a: string, b: string) => (a < b ? a : b);

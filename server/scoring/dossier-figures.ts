// The on-time share and the Decision 766 indicator "satisfaction with procedure handling", from
// the dossier counters, per period. Pure: counts in, figures out.
import { addDays } from './vietnam-time';

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

export interface DossierFigures extends DossierCounts {
  /** Returned on or before the due date, among dossiers with a due date. */
  onTimeShare: Share;
  /** Decision 766: (dossiers − rated dissatisfied or returned late) / dossiers. */
  handlingSatisfaction: Share;
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

/** Wilson score interval at 95%, in percent. */
export function share(successes: number, n: number): Share {
  if (n <= 0) return { percent: null, low: null, high: null, n: 0 };
  const z = 1.959964;
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { percent: p * 100, low: Math.max(0, centre - half) * 100, high: Math.min(1, centre + half) * 100, n };
}

export function dossierFigures(counts: DossierCounts): DossierFigures {
  return {
    ...counts,
    onTimeShare: share(counts.onTime, counts.withDue),
    handlingSatisfaction: share(counts.dossiers - counts.late - counts.dissatisfiedNotLate, counts.dossiers),
  };
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

/** The label and first day of the period a YYYY-MM-DD date falls in (weeks start on Monday, ISO 8601). */
export function periodOf(date: string, period: Period): { period: string; start: string } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  switch (period) {
    case 'day':
      return { period: date, start: date };
    case 'week': {
      const monday = addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
      const thursday = addDays(monday, 3); // the ISO week belongs to the year of its Thursday
      const jan1 = `${thursday.slice(0, 4)}-01-01`;
      const week = Math.floor((Date.parse(thursday) - Date.parse(jan1)) / (7 * 86_400_000)) + 1;
      return { period: `${thursday.slice(0, 4)}-W${String(week).padStart(2, '0')}`, start: monday };
    }
    case 'month':
      return { period: date.slice(0, 7), start: `${date.slice(0, 7)}-01` };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3);
      return { period: `${y}-Q${q + 1}`, start: `${y}-${String(q * 3 + 1).padStart(2, '0')}-01` };
    }
    case 'year':
      return { period: String(y), start: `${y}-01-01` };
    case 'all':
      return { period: 'all', start: '0000-01-01' };
  }
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
  const buckets = new Map<string, { start: string; counts: DossierCounts }>();
  let total = EMPTY;
  for (const { date, ...counts } of [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (date < range.from || date > range.to) continue;
    const { period: key, start } = periodOf(date, period);
    const bucket = buckets.get(key) ?? { start, counts: EMPTY };
    bucket.counts = addCounts(bucket.counts, counts);
    buckets.set(key, bucket);
    total = addCounts(total, counts);
  }
  const periods = [...buckets.entries()].map(([key, b]) => {
    const end = period === 'all' ? range.to : addDays(nextStart(b.start, period), -1);
    return { period: key, from: b.start < range.from ? range.from : b.start, to: end > range.to ? range.to : end, ...dossierFigures(b.counts) };
  });
  return { total: dossierFigures(total), periods };
}

/** The first day of the period after the one starting on `start`. */
function nextStart(start: string, period: Exclude<Period, 'all'>): string {
  if (period === 'day') return addDays(start, 1);
  if (period === 'week') return addDays(start, 7);
  const [y, m] = start.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + (period === 'month' ? 1 : period === 'quarter' ? 3 : 12);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

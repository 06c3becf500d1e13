// Calendar periods in Vietnam: a day, a week starting on Monday, a month, a quarter, a year. All
// work on Vietnam calendar dates (YYYY-MM-DD), which is how responses are filed.
import { addDays, weekday } from './vietnam-time';

export const PERIOD_GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodGrain = (typeof PERIOD_GRAINS)[number];

export interface Period {
  /** 2026-03-09, 2026-W11, 2026-03, 2026-Q1, 2026 */
  key: string;
  /** First and last date, both inclusive. */
  from: string;
  to: string;
}

/** The period of `grain` that holds `date`. */
export function periodOf(date: string, grain: PeriodGrain): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (grain) {
    case 'day':
      return { key: date, from: date, to: date };
    case 'week': {
      const monday = addDays(date, -((weekday(date) + 6) % 7));
      return { key: isoWeekKey(monday), from: monday, to: addDays(monday, 6) };
    }
    case 'month':
      return monthSpan(year, month, 1, `${date.slice(0, 7)}`);
    case 'quarter': {
      const q = Math.ceil(month / 3);
      return monthSpan(year, q * 3 - 2, 3, `${year}-Q${q}`);
    }
    case 'year':
      return monthSpan(year, 1, 12, String(year));
  }
}

/** The last day of a month (1–12). */
export function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function monthSpan(year: number, firstMonth: number, months: number, key: string): Period {
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  return { key, from, to: lastDayOfMonth(year, firstMonth + months - 1) };
}

/** ISO 8601 week label of a Monday: the week belongs to the year of its Thursday. */
function isoWeekKey(monday: string): string {
  const thursday = addDays(monday, 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor((Date.parse(thursday) - Date.parse(`${year}-01-01`)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The twelve calendar months ending with the month of `date`: from its first day to `date`. */
export function twelveMonthsEnding(date: string): { from: string; to: string } {
  const start = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 12, 1));
  return { from: start.toISOString().slice(0, 10), to: date };
}

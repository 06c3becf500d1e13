// The dashboard's filter as plain data, and the query string every request and download shares.
// Pure, so it is tested without a browser.

export type PeriodKind = 'last12' | 'month' | 'quarter' | 'year' | 'custom' | 'all';

export interface DashboardFilter {
  survey: string;
  period: PeriodKind;
  /** 2026-03 */
  month: string;
  /** 2026-Q1 */
  quarter: string;
  /** 2026 */
  year: string;
  from: string;
  to: string;
  unit: string;
  procedure: string;
  official: string;
  channel: string;
  includeFlagged: boolean;
  /** Count answers through the open link, whose sender nobody verified. */
  includeUnverified: boolean;
  /** The day the dashboard was opened: "the last 12 months" end on it. */
  today: string;
}

/**
 * The dashboard opens on the current quarter once it holds this many responses (the small-sample
 * line of a criterion); before that, on the last 12 months, so early in a quarter the first view
 * is not a handful of forms covered in small-sample warnings.
 */
export const OPENING_QUARTER_RESPONSES = 30;

export function openingPeriod(quarterResponses: number): PeriodKind {
  return quarterResponses >= OPENING_QUARTER_RESPONSES ? 'quarter' : 'last12';
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Today in Vietnam (UTC+7, no daylight saving), as YYYY-MM-DD. */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function defaultFilter(today: string, survey: string, unit: string): DashboardFilter {
  const q = Math.ceil(Number(today.slice(5, 7)) / 3);
  return {
    survey, period: 'last12', month: today.slice(0, 7), quarter: `${today.slice(0, 4)}-Q${q}`, year: today.slice(0, 4),
    from: `${today.slice(0, 8)}01`, to: today, unit, procedure: '', official: '', channel: '', includeFlagged: false, includeUnverified: false, today,
  };
}

/** The Vietnam dates the period covers, both inclusive; empty for all time. */
export function dateRange(f: DashboardFilter): { from?: string; to?: string } {
  switch (f.period) {
    case 'last12':
      return { from: monthsBefore(f.today, 11), to: f.today };
    case 'month': {
      const [y, m] = f.month.split('-').map(Number);
      return y && m ? { from: `${f.month}-01`, to: `${f.month}-${pad(lastDay(y, m))}` } : {};
    }
    case 'quarter': {
      const [y, q] = [Number(f.quarter.slice(0, 4)), Number(f.quarter.slice(6))];
      return y && q ? { from: `${y}-${pad(q * 3 - 2)}-01`, to: `${y}-${pad(q * 3)}-${pad(lastDay(y, q * 3))}` } : {};
    }
    case 'year':
      return /^\d{4}$/.test(f.year) ? { from: `${f.year}-01-01`, to: `${f.year}-12-31` } : {};
    case 'custom':
      return { ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) };
    case 'all':
      return {};
  }
}

/** The first day of the month `months` before the month of `date`. */
function monthsBefore(date: string, months: number): string {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 - months, 1)).toISOString().slice(0, 10);
}

/** The twelve months up to the end of the period (or today), for the trend chart. */
export function trendRange(f: DashboardFilter, today: string): { from: string; to: string } {
  const to = dateRange(f).to ?? today;
  return { from: monthsBefore(to, 11), to };
}

/** survey=…&from=…&to=…&unit=… with empty filters left out; `extra` may override dates or add `by`. */
export function queryString(f: DashboardFilter, extra: Record<string, string | undefined> = {}): string {
  const params: Record<string, string | undefined> = {
    survey: f.survey,
    ...dateRange(f),
    unit: f.unit || undefined,
    procedure: f.procedure || undefined,
    official: f.official || undefined,
    channel: f.channel || undefined,
    includeFlagged: f.includeFlagged ? '1' : undefined,
    includeUnverified: f.includeUnverified ? '1' : undefined,
    ...extra,
  };
  return new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
}

/** The quarters of the last `years` years, newest first: 2026-Q2, 2026-Q1 … */
export function recentQuarters(today: string, years = 3): string[] {
  const out: string[] = [];
  const y = Number(today.slice(0, 4));
  const q = Math.ceil(Number(today.slice(5, 7)) / 3);
  for (let i = 0; i < years * 4; i++) {
    const k = q - 1 - i;
    out.push(`${y + Math.floor(k / 4)}-Q${((k % 4) + 4) % 4 + 1}`);
  }
  return out;
}

// A date range read as whole months (from the monthly roll-up) plus the days at either edge (from
// the daily counts): the same figures, from far fewer rows.
import { lastDayOfMonth } from './periods';
import { addDays } from './vietnam-time';

/** Inclusive bounds; undefined means open on that side. */
export interface DateSpan {
  from?: string;
  to?: string;
}

export interface MonthSplit {
  /** Whole months, as the first days of the first and last month; null when there are none. */
  months: DateSpan | null;
  /** Up to two runs of days not covered by whole months. */
  days: DateSpan[];
}

/** Splits [from, to] (Vietnam dates, inclusive, either may be open) into whole months and edge days. */
export function splitByWholeMonths(span: DateSpan): MonthSplit {
  const firstWhole = span.from === undefined ? undefined : span.from.endsWith('-01') ? span.from : nextMonthStart(span.from);
  const lastWhole = span.to === undefined ? undefined : isMonthEnd(span.to) ? monthStart(span.to) : addMonthsToStart(monthStart(span.to), -1);
  if (firstWhole !== undefined && lastWhole !== undefined && firstWhole > lastWhole) return { months: null, days: [span] };
  const days: DateSpan[] = [];
  if (span.from !== undefined && firstWhole !== span.from) days.push({ from: span.from, to: addDays(firstWhole!, -1) });
  if (span.to !== undefined && !isMonthEnd(span.to)) days.push({ from: monthStart(span.to), to: span.to });
  return { months: { from: firstWhole, to: lastWhole }, days };
}

/** The first day of the month holding `date`. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function isMonthEnd(date: string): boolean {
  return lastDayOfMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7))) === date;
}

function nextMonthStart(date: string): string {
  return addMonthsToStart(monthStart(date), 1);
}

function addMonthsToStart(start: string, months: number): string {
  const d = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1 + months, 1));
  return d.toISOString().slice(0, 10);
}

// The period a report is compared with: the calendar month, quarter or year before when the report
// covers exactly one, otherwise the same number of days just before it.
import { periodOf } from './periods';
import { addDays } from './vietnam-time';

export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** The period before [from, to] (Vietnam dates, inclusive). */
export function previousPeriod(range: DateRange): DateRange {
  for (const grain of ['month', 'quarter', 'year'] as const) {
    const whole = periodOf(range.from, grain);
    if (whole.from === range.from && whole.to === range.to) {
      const before = periodOf(addDays(range.from, -1), grain);
      return { from: before.from, to: before.to };
    }
  }
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / DAY_MS) + 1;
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

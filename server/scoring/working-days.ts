// Due dates count working days in Vietnam: Saturdays, Sundays and the holidays an admin lists
// are skipped. Dates are YYYY-MM-DD Vietnam calendar dates.
import { addDays, weekday } from './vietnam-time';

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !holidays.has(date);
}

/**
 * The date `days` working days after `start`; the day of receipt does not count, so an item
 * received on a Friday with 1 working day is due on Monday.
 */
export function addWorkingDays(start: string, days: number, holidays: ReadonlySet<string> = new Set()): string {
  let date = start;
  let left = days;
  // A year of holidays cannot hold more than 366 days in a row; this bounds bad settings.
  for (let guard = 0; left > 0 && guard < days + 3700; guard++) {
    date = addDays(date, 1);
    if (isWorkingDay(date, holidays)) left -= 1;
  }
  return date;
}

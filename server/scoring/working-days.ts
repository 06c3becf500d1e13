// Due dates count working days in Vietnam: Saturdays, Sundays and the holidays an admin lists
// are skipped. Dates are YYYY-MM-DD Vietnam calendar dates.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (day 0, a Thursday). */
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00.000Z`) / DAY_MS;

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  return isWorkingDayNumber(dayNumber(date), holidayNumbers(holidays));
}

function isWorkingDayNumber(day: number, off: ReadonlySet<number>): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday … 6 = Saturday
  return weekday !== 0 && weekday !== 6 && !off.has(day);
}

/**
 * The date `days` working days after `start`; the day of receipt does not count, so an item
 * received on a Friday with 1 working day is due on Monday.
 */
export function addWorkingDays(start: string, days: number, holidays: ReadonlySet<string> = NO_HOLIDAYS): string {
  // Counted in day numbers, not dates: a report's Decision 766 figures judge every feedback item
  // against this deadline, and a date made and read back for each day stepped cost seconds.
  const off = holidayNumbers(holidays);
  let day = dayNumber(start);
  let left = days;
  // A year of holidays cannot hold more than 366 days in a row; this bounds bad settings.
  for (let guard = 0; left > 0 && guard < days + 3700; guard++) {
    day += 1;
    if (isWorkingDayNumber(day, off)) left -= 1;
  }
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const NO_HOLIDAYS: ReadonlySet<string> = new Set();

// The holidays as day numbers, worked out once for each set (a report passes the same one for
// every item); the sets are the settings' read-only copies.
const numbered = new WeakMap<ReadonlySet<string>, ReadonlySet<number>>();

function holidayNumbers(holidays: ReadonlySet<string>): ReadonlySet<number> {
  let days = numbered.get(holidays);
  if (!days) numbered.set(holidays, (days = new Set([...holidays].map(dayNumber))));
  return days;
}

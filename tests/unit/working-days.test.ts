import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekday } from '../../server/scoring/vietnam-time';
import { addWorkingDays, isWorkingDay } from '../../server/scoring/working-days';

/** The rule as written: step a date at a time, counting the days that are not a weekend or a holiday. */
function countedDayByDay(start: string, days: number, holidays: ReadonlySet<string>): string {
  let date = start;
  for (let left = days; left > 0; ) {
    date = addDays(date, 1);
    if (weekday(date) !== 0 && weekday(date) !== 6 && !holidays.has(date)) left -= 1;
  }
  return date;
}

const dateIn = (from: number, to: number) => fc.integer({ min: from, max: to }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

describe('working days', () => {
  it('counts from the day after receipt and skips weekends', () => {
    // Monday 2 March 2026 + 10 working days: 3,4,5,6 | 9,10,11,12,13 | 16.
    expect(addWorkingDays('2026-03-02', 10)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-04', 10)).toBe('2026-03-18');
    expect(addWorkingDays('2026-03-24', 10)).toBe('2026-04-07');
  });

  it('moves an item received on Friday, Saturday or Sunday to Monday for one day', () => {
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-08', 1)).toBe('2026-03-09');
  });

  it('skips the holidays an admin lists, across a year end', () => {
    expect(addWorkingDays('2026-03-06', 3, new Set(['2026-03-09']))).toBe('2026-03-12');
    // Tết 2027 (6–12 February, a Saturday to a Friday) in a week of holidays.
    const tet = new Set(['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12']);
    expect(addWorkingDays('2027-02-05', 2, tet)).toBe('2027-02-16');
    expect(addWorkingDays('2026-12-30', 3)).toBe('2027-01-04');
  });

  it('knows weekends and holidays', () => {
    expect(isWorkingDay('2026-03-07', new Set())).toBe(false);
    expect(isWorkingDay('2026-03-08', new Set())).toBe(false);
    expect(isWorkingDay('2026-04-30', new Set(['2026-04-30']))).toBe(false);
    expect(isWorkingDay('2026-04-29', new Set(['2026-04-30']))).toBe(true);
  });

  it('lands where stepping a date at a time lands, for any start, length and holidays', () => {
    // 2000-01-01 … 2060-12-31 as day numbers; holidays near the start so that they fall in the way.
    fc.assert(
      fc.property(fc.integer({ min: 10_957, max: 33_237 }), fc.integer({ min: 0, max: 60 }), fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 30 }), (startDay, days, offsets) => {
        const start = new Date(startDay * 86_400_000).toISOString().slice(0, 10);
        const holidays = new Set(offsets.map((k) => addDays(start, k)));
        expect(addWorkingDays(start, days, holidays)).toBe(countedDayByDay(start, days, holidays));
      }),
    );
  });

  it('counts the same with no holidays, given as an empty set or left out', () => {
    fc.assert(
      fc.property(dateIn(10_957, 33_237), fc.integer({ min: 1, max: 30 }), (start, days) => {
        const none = new Set<string>();
        expect(addWorkingDays(start, days, none)).toBe(countedDayByDay(start, days, none));
        expect(addWorkingDays(start, days)).toBe(countedDayByDay(start, days, none));
      }),
    );
  });
});


import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../../server/scoring/working-days';

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
});

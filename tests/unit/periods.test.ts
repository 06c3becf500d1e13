import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByWholeMonths, type DateSpan } from '../../server/scoring/month-split';
import { periodKey } from '../../server/scoring/period-buckets';
import { periodOf, PERIOD_GRAINS } from '../../server/scoring/periods';
import { addDays } from '../../server/scoring/vietnam-time';

describe('periodOf', () => {
  it('gives calendar periods, weeks starting on Monday', () => {
    expect(periodOf('2026-03-11', 'day')).toEqual({ key: '2026-03-11', from: '2026-03-11', to: '2026-03-11' });
    expect(periodOf('2026-03-11', 'week')).toEqual({ key: '2026-W11', from: '2026-03-09', to: '2026-03-15' }); // a Wednesday
    expect(periodOf('2026-03-15', 'week').from).toBe('2026-03-09'); // Sunday belongs to the week before
    expect(periodOf('2026-03-16', 'week').from).toBe('2026-03-16');
    expect(periodOf('2026-02-14', 'month')).toEqual({ key: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('2024-02-14', 'month').to).toBe('2024-02-29');
    expect(periodOf('2026-08-31', 'quarter')).toEqual({ key: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
    expect(periodOf('2026-12-31', 'year')).toEqual({ key: '2026', from: '2026-01-01', to: '2026-12-31' });
  });

  it('labels weeks by ISO week, whose year is that of its Thursday', () => {
    expect(periodOf('2024-12-31', 'week').key).toBe('2025-W01');
    expect(periodOf('2027-01-01', 'week').key).toBe('2026-W53');
    expect(periodOf('2026-01-01', 'week')).toEqual({ key: '2026-W01', from: '2025-12-29', to: '2026-01-04' });
  });

  it('puts every date inside its period, for every grain', () => {
    const date = fc.integer({ min: 0, max: 20_000 }).map((d) => addDays('2000-01-01', d));
    fc.assert(
      fc.property(date, fc.constantFrom(...PERIOD_GRAINS), (d, grain) => {
        const p = periodOf(d, grain);
        expect(p.from <= d && d <= p.to).toBe(true);
        expect(periodOf(p.from, grain)).toEqual(p);
        expect(periodOf(p.to, grain)).toEqual(p);
        expect(periodOf(addDays(p.to, 1), grain).key).not.toBe(p.key);
      }),
    );
  });
});

describe('splitByWholeMonths', () => {
  it('reads whole months from the roll-up and the edges from the daily counts', () => {
    expect(splitByWholeMonths({ from: '2026-01-15', to: '2026-04-10' })).toEqual({
      months: { from: '2026-02-01', to: '2026-03-01' },
      days: [{ from: '2026-01-15', to: '2026-01-31' }, { from: '2026-04-01', to: '2026-04-10' }],
    });
    expect(splitByWholeMonths({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ months: { from: '2026-03-01', to: '2026-03-01' }, days: [] });
    expect(splitByWholeMonths({ from: '2026-03-02', to: '2026-03-31' })).toEqual({ months: null, days: [{ from: '2026-03-02', to: '2026-03-31' }] });
    expect(splitByWholeMonths({})).toEqual({ months: { from: undefined, to: undefined }, days: [] });
    expect(splitByWholeMonths({ to: '2026-03-10' })).toEqual({ months: { from: undefined, to: '2026-02-01' }, days: [{ from: '2026-03-01', to: '2026-03-10' }] });
  });

  it('covers every date of the range exactly once', () => {
    const day = fc.integer({ min: 0, max: 900 }).map((d) => addDays('2025-01-01', d));
    const bound = fc.option(day, { nil: undefined });
    fc.assert(
      fc.property(bound, bound, (a, b) => {
        const span: DateSpan = a && b && a > b ? { from: b, to: a } : { from: a, to: b };
        const split = splitByWholeMonths(span);
        const within = (d: string, s: DateSpan) => (s.from === undefined || s.from <= d) && (s.to === undefined || d <= s.to);
        for (let d = '2024-11-01'; d <= '2027-08-01'; d = addDays(d, 1)) {
          const inMonths = split.months !== null && within(`${d.slice(0, 7)}-01`, split.months) ? 1 : 0;
          const inDays = split.days.filter((s) => within(d, s)).length;
          expect(inMonths + inDays).toBe(within(d, span) ? 1 : 0);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('periodKey', () => {
  it('names the same period as periodOf, read off the date alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<'month' | 'quarter' | 'year'>, (d, kind) => {
        const date = addDays('2000-01-01', d);
        expect(periodKey(date, kind)).toBe(periodOf(date, kind).key);
      }),
    );
    expect(periodKey('2026-03-15', 'all')).toBe('all');
  });
});

import { periodOf } from '../../server/scoring/periods';
import { describe, expect, it } from 'vitest';
import { dossierFigures, share, summariseDossiers } from '../../server/scoring/dossier-figures';
import { dossierTiming } from '../../server/scoring/dossier-timing';

const none = { dossiers: 0, withDue: 0, onTime: 0, late: 0, rated: 0, dissatisfied: 0, dissatisfiedNotLate: 0 };

describe('dossier figures (on-time share, Decision 766 handling satisfaction)', () => {
  it('computes both indicators from the counts, by hand', () => {
    // 20 dossiers, 12 with a due date of which 10 on time and 2 late; 2 more rated dissatisfied but not late.
    const f = dossierFigures({ dossiers: 20, withDue: 12, onTime: 10, late: 2, rated: 9, dissatisfied: 3, dissatisfiedNotLate: 2 });
    expect(f.onTimeShare.percent).toBeCloseTo((10 / 12) * 100, 10);
    expect(f.onTimeShare.n).toBe(12);
    expect(f.handlingSatisfaction.percent).toBe(80); // (20 − 2 − 2) / 20
    expect(f.handlingSatisfaction.n).toBe(20);
  });

  it('gives a Wilson 95% interval, and nothing to divide by gives null', () => {
    const s = share(10, 12); // by hand: centre 0.7525, half-width 0.2005
    expect(s.low).toBeCloseTo(55.2, 1);
    expect(s.high).toBeCloseTo(95.3, 1);
    expect(share(0, 0)).toEqual({ percent: null, low: null, high: null, n: 0 });
    expect(share(5, 5).high).toBe(100);
    expect(share(0, 5).low).toBe(0);
  });

  it('sums days into months inside the range, each period clipped to it', () => {
    const rows = [
      { date: '2026-01-05', ...none, dossiers: 10, withDue: 8, onTime: 6, late: 2, rated: 5, dissatisfied: 2, dissatisfiedNotLate: 1 },
      { date: '2026-01-20', ...none, dossiers: 4, withDue: 4, onTime: 4, rated: 2, dissatisfied: 1, dissatisfiedNotLate: 1 },
      { date: '2026-02-03', ...none, dossiers: 6 },
      { date: '2025-12-31', ...none, dossiers: 100, late: 100 }, // outside the range
    ];
    const { total, periods } = summariseDossiers(rows, { from: '2026-01-02', to: '2026-02-10' }, 'month');
    expect(periods.map((p) => [p.period, p.from, p.to, p.dossiers])).toEqual([
      ['2026-01', '2026-01-02', '2026-01-31', 14],
      ['2026-02', '2026-02-01', '2026-02-10', 6],
    ]);
    expect(periods[0]!.handlingSatisfaction.percent).toBeCloseTo((10 / 14) * 100, 10); // (14 − 2 − 2) / 14
    expect(periods[0]!.onTimeShare.percent).toBeCloseTo((10 / 12) * 100, 10);
    expect(periods[1]!.onTimeShare.percent).toBeNull(); // no due dates given
    expect(periods[1]!.handlingSatisfaction.percent).toBe(100);
    expect(total).toMatchObject({ dossiers: 20, withDue: 12, onTime: 10, late: 2, dissatisfiedNotLate: 2 });
    expect(total.handlingSatisfaction.percent).toBe(80);
    expect(summariseDossiers(rows, { from: '2026-01-01', to: '2026-12-31' }, 'all').periods).toEqual([expect.objectContaining({ period: 'all', from: '2026-01-01', to: '2026-12-31', dossiers: 20 })]);
  });

  it('names periods: ISO weeks (Monday first, the year of their Thursday), quarters, years', () => {
    expect(periodOf('2026-01-05', 'week')).toMatchObject({ key: '2026-W02', from: '2026-01-05' });
    expect(periodOf('2026-01-04', 'week')).toMatchObject({ key: '2026-W01', from: '2025-12-29' });
    expect(periodOf('2021-01-01', 'week')).toMatchObject({ key: '2020-W53', from: '2020-12-28' });
    expect(periodOf('2024-12-30', 'week')).toMatchObject({ key: '2025-W01', from: '2024-12-30' });
    expect(periodOf('2026-08-19', 'quarter')).toMatchObject({ key: '2026-Q3', from: '2026-07-01' });
    expect(periodOf('2026-08-19', 'year')).toMatchObject({ key: '2026', from: '2026-01-01' });
    const weeks = summariseDossiers([{ date: '2026-03-04', ...none, dossiers: 1 }], { from: '2026-03-01', to: '2026-03-31' }, 'week').periods;
    expect(weeks.map((w) => [w.period, w.from, w.to])).toEqual([['2026-W10', '2026-03-02', '2026-03-08']]);
    const quarters = summariseDossiers([{ date: '2026-11-30', ...none, dossiers: 1 }], { from: '2026-01-01', to: '2026-12-31' }, 'quarter').periods;
    expect(quarters.map((q) => [q.period, q.from, q.to])).toEqual([['2026-Q4', '2026-10-01', '2026-12-31']]);
  });
});

describe('dossier timing', () => {
  it('compares calendar dates by Vietnam day and instants exactly', () => {
    expect(dossierTiming(null, '2026-03-10T02:00:00Z')).toBe('unknown');
    expect(dossierTiming('2026-03-10', '2026-03-10T16:59:59Z')).toBe('on_time'); // 23:59:59 on the 10th in Vietnam
    expect(dossierTiming('2026-03-10', '2026-03-10T17:00:00Z')).toBe('late'); // 00:00 on the 11th
    expect(dossierTiming('2026-03-10T01:00:00Z', '2026-03-10T01:00:00Z')).toBe('on_time');
    expect(dossierTiming('2026-03-10T01:00:00Z', '2026-03-10T01:00:01Z')).toBe('late');
    expect(dossierTiming('2026-03-10T20:00:00Z', '2026-03-11')).toBe('on_time'); // due 03:00 on the 11th, returned that day
  });
});

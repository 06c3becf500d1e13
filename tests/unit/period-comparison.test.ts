import { describe, expect, it } from 'vitest';
import { previousPeriod } from '../../server/scoring/previous-period';
import { normalCdf, significantChange, twoProportionTest } from '../../server/scoring/two-proportion';

describe('the previous period', () => {
  it('is the calendar month, quarter or year before when the report covers exactly one', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-04-01', to: '2026-06-30' })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('is the same number of days just before otherwise', () => {
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-19' })).toEqual({ from: '2026-02-28', to: '2026-03-09' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-15' })).toEqual({ from: '2026-02-14', to: '2026-02-28' });
  });
});

describe('the two-proportion test', () => {
  it('matches the normal distribution at known points', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
  });

  it('finds 80% of 100 against 90% of 100 a significant fall, by hand', () => {
    // pooled 0.85; SE = √(0.85 · 0.15 · (1/100 + 1/100)) = 0.050498; z = −0.10 / 0.050498 = −1.9803; Φ(z) = 0.02384.
    const test = twoProportionTest({ percent: 80, n: 100 }, { percent: 90, n: 100 })!;
    expect(test.z).toBeCloseTo(-1.9803, 4);
    expect(test.pFall).toBeCloseTo(0.02384, 4);
    expect(significantChange({ percent: 80, n: 100 }, { percent: 90, n: 100 })).toBe('fall');
  });

  it('finds the same 5-point drop on smaller samples, or a smaller drop, not significant', () => {
    // 85% vs 90% of 100: pooled 0.875, SE 0.046771, z = −1.0690, p = 0.1425.
    expect(twoProportionTest({ percent: 85, n: 100 }, { percent: 90, n: 100 })!.pFall).toBeCloseTo(0.1425, 3);
    expect(significantChange({ percent: 85, n: 100 }, { percent: 90, n: 100 })).toBe('none');
    expect(significantChange({ percent: 80, n: 20 }, { percent: 90, n: 20 })).toBe('none');
    expect(significantChange({ percent: 95, n: 400 }, { percent: 90, n: 400 })).toBe('rise');
    expect(significantChange(null, { percent: 90, n: 400 })).toBe('none');
    expect(twoProportionTest({ percent: 100, n: 10 }, { percent: 100, n: 10 })!.z).toBe(0);
  });
});

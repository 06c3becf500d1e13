import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRepeatedTap } from '../../server/kiosk/repeated-tap';

describe('the repeated-tap rule', () => {
  const t0 = '2026-06-01T01:00:00.000Z';
  const plus = (ms: number) => new Date(Date.parse(t0) + ms).toISOString();

  it('flags a submission closer than the interval to the previous one, and nothing else', () => {
    expect(isRepeatedTap(null, t0, 15)).toBe(false);
    expect(isRepeatedTap(t0, plus(14_999), 15)).toBe(true);
    expect(isRepeatedTap(t0, plus(15_000), 15)).toBe(false);
    expect(isRepeatedTap(t0, t0, 15)).toBe(true);
    expect(isRepeatedTap(t0, plus(1), 0)).toBe(false);
    // Out of order (an older answer arriving late) is judged by the same distance.
    expect(isRepeatedTap(plus(10_000), t0, 15)).toBe(true);
  });

  it('is symmetric in time and monotone in the interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3_600_000, max: 3_600_000 }), fc.integer({ min: 0, max: 3600 }), fc.integer({ min: 0, max: 3600 }), (gap, a, b) => {
        expect(isRepeatedTap(t0, plus(gap), a)).toBe(isRepeatedTap(plus(gap), t0, a));
        if (a <= b && isRepeatedTap(t0, plus(gap), a)) expect(isRepeatedTap(t0, plus(gap), b)).toBe(true);
        expect(isRepeatedTap(t0, plus(gap), a)).toBe(a > 0 && Math.abs(gap) < a * 1000);
      }),
    );
  });

});

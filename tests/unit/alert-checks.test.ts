import { describe, expect, it } from 'vitest';
import { belowTarget, fellSignificantly, isSilent } from '../../server/scoring/alert-checks';
import type { IndexFigure } from '../../server/scoring/score-card';
import { wilsonInterval } from '../../server/scoring/wilson';

const figure = (satisfied: number, n: number): IndexFigure => ({ index: n ? (100 * satisfied) / n : null, n, mean: null, ci95: wilsonInterval(satisfied, n), smallSample: n < 30 });

describe('alert checks', () => {
  it('fires below target only when the whole interval is below it', () => {
    // 160 of 200 = 80%; Wilson upper end 84.95% < 90%: fires.
    const big = belowTarget(figure(160, 200), 90);
    expect([big.fires, big.upper]).toEqual([true, expect.closeTo(84.95, 2)]);
    // 8 of 10 = 80% too, but the interval reaches 94.33%: could be chance, silent.
    const small = belowTarget(figure(8, 10), 90);
    expect([small.fires, small.upper]).toEqual([false, expect.closeTo(94.33, 2)]);
    expect(belowTarget(figure(0, 0), 90).fires).toBe(false);
  });

  it('fires on a significant fall, not on a raw difference', () => {
    // 80% of 100 after 90% of 100: z = −1.98, p = 0.024 < 0.05.
    const fall = fellSignificantly(figure(80, 100), figure(90, 100), { current: 1, previous: 1 });
    expect([fall.fires, fall.pValue]).toEqual([true, expect.closeTo(0.0238, 3)]);
    // The same ten points on 20 answers each: p ≈ 0.20, silent.
    expect(fellSignificantly(figure(16, 20), figure(18, 20), { current: 1, previous: 1 }).fires).toBe(false);
    // An element over 4 criteria: 400 answers count as 100 people, not 400.
    expect(fellSignificantly(figure(340, 400), figure(360, 400), { current: 4, previous: 4 }).fires).toBe(false);
    expect(fellSignificantly(figure(340, 400), figure(360, 400), { current: 1, previous: 1 }).fires).toBe(true);
    expect(fellSignificantly(figure(0, 0), figure(90, 100), { current: 0, previous: 1 }).fires).toBe(false);
  });

  it('calls a kiosk silent after a day without a heartbeat or an answer', () => {
    const now = new Date('2026-03-10T03:00:00Z');
    expect(isSilent('2026-03-09T03:00:00Z', '2026-03-01T00:00:00Z', now, 1)).toBe(true);
    expect(isSilent('2026-03-09T03:00:01Z', '2026-03-01T00:00:00Z', now, 1)).toBe(false);
    expect(isSilent(null, '2026-03-08T00:00:00Z', now, 1)).toBe(true); // enrolled, never heard from
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RETRY_MS, retryDelayMs } from '../../kiosk/src/kiosk/backoff';

describe('the kiosk retry backoff', () => {
  it('doubles from one second up to the ceiling, with the jitter between half and all of it', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => retryDelayMs(a, () => 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(retryDelayMs(0, () => 0)).toBe(500);
    expect(retryDelayMs(3, () => 0.5)).toBe(6000);
  });

  it('always waits between half a second and the ceiling, even after very many failures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (attempt, r) => {
        const delay = retryDelayMs(attempt, () => r);
        expect(delay).toBeGreaterThanOrEqual(500);
        expect(delay).toBeLessThanOrEqual(MAX_RETRY_MS);
      }),
    );
  });
});

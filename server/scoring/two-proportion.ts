// Did a share really fall, or is the difference chance? The two-proportion z-test (pooled), the
// textbook test for comparing two independent samples' shares; used for "fell significantly from
// the previous period" instead of a raw difference.

/** The standard normal cumulative distribution, from erf (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export interface ProportionSample {
  /** The share in percent (0–100). */
  percent: number;
  /** How many observations it rests on. */
  n: number;
}

export interface ProportionTest {
  /** current − previous, in percentage points. */
  difference: number;
  z: number;
  /** One-sided p-value for "current is lower than previous". */
  pFall: number;
  /** One-sided p-value for "current is higher than previous". */
  pRise: number;
}

/** Two-proportion z-test of `current` against `previous`; null when either has no observation. */
export function twoProportionTest(current: ProportionSample, previous: ProportionSample): ProportionTest | null {
  if (current.n <= 0 || previous.n <= 0) return null;
  const p1 = current.percent / 100;
  const p2 = previous.percent / 100;
  const pooled = (p1 * current.n + p2 * previous.n) / (current.n + previous.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / current.n + 1 / previous.n));
  const difference = current.percent - previous.percent;
  // Everyone satisfied (or no one) in both: no spread, so no evidence of change either way.
  const z = se === 0 ? 0 : (p1 - p2) / se;
  return { difference, z, pFall: normalCdf(z), pRise: 1 - normalCdf(z) };
}

/** The significance level used throughout: 5%, one-sided. */
export const SIGNIFICANCE = 0.05;

export type Change = 'fall' | 'rise' | 'none';

/** A significant fall, a significant rise, or no significant change (also when untestable). */
export function significantChange(current: ProportionSample | null, previous: ProportionSample | null, alpha = SIGNIFICANCE): Change {
  const test = current && previous ? twoProportionTest(current, previous) : null;
  if (!test) return 'none';
  return test.pFall < alpha ? 'fall' : test.pRise < alpha ? 'rise' : 'none';
}

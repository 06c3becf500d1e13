// The Wilson score interval: the usual 95% interval for a proportion, well behaved near 0%, 100%
// and for small samples, where the textbook p ± 1.96·SE leaves [0, 100].
const Z95 = 1.959963984540054;

/** The Wilson interval for `successes` out of `n`, in percent; null when there is nothing to count. */
export function wilsonInterval(successes: number, n: number, z = Z95): [number, number] | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // The interval always holds p; min/max only absorb floating-point error at 0% and 100%.
  const low = Math.max(0, Math.min(p, centre - half));
  const high = Math.min(1, Math.max(p, centre + half));
  return [low * 100, high * 100];
}

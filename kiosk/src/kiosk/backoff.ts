/** The longest wait between two attempts: a tablet back on the network sends within half a minute. */
export const MAX_RETRY_MS = 30_000;

/**
 * How long to wait before attempt number `attempt` (0-based) after failures: doubling from one
 * second up to MAX_RETRY_MS, with jitter so that tablets do not all retry at the same instant.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_MS, 1000 * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling * (0.5 + random() / 2));
}

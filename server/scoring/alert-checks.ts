// When an alert rule fires, decided from figures only (pure): statistics first, so that chance
// in a small sample does not page anyone.
import type { IndexFigure } from './score-card';
import { sampleOf } from './period-comparison';
import { SIGNIFICANCE, twoProportionTest } from './two-proportion';

export interface BelowTarget {
  fires: boolean;
  index: number | null;
  /** The upper end of the 95% interval: only when even it is below the target is the index surely below. */
  upper: number | null;
  n: number;
  target: number;
}

/** Fires when the whole 95% interval lies below the target; silent without answers. */
export function belowTarget(figure: IndexFigure, target: number): BelowTarget {
  const upper = figure.ci95?.[1] ?? null;
  return { fires: upper !== null && upper < target, index: figure.index, upper, n: figure.n, target };
}

export interface Fell {
  fires: boolean;
  current: number | null;
  previous: number | null;
  /** One-sided p-value of a fall (two-proportion test); null when either period has no answer. */
  pValue: number | null;
  currentN: number;
  previousN: number;
}

/**
 * Fires when the index fell significantly (one-sided two-proportion test at 5%) from the previous
 * period. `criteria` counts the criteria with answers in each period (see sampleOf).
 */
export function fellSignificantly(current: IndexFigure, previous: IndexFigure, criteria: { current: number; previous: number }, alpha = SIGNIFICANCE): Fell {
  const now = sampleOf(current, criteria.current);
  const before = sampleOf(previous, criteria.previous);
  const test = now && before ? twoProportionTest(now, before) : null;
  return {
    fires: test !== null && test.pFall < alpha,
    current: current.index,
    previous: previous.index,
    pValue: test ? test.pFall : null,
    currentN: now?.n ?? 0,
    previousN: before?.n ?? 0,
  };
}

/** A kiosk is silent when nothing (heartbeat or answer) came from it for `days` days. */
export function isSilent(lastSeenAt: string | null, since: string, now: Date, days: number): boolean {
  const last = Date.parse(lastSeenAt ?? since);
  return now.getTime() - last >= days * 86_400_000;
}

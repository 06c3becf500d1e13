import { useEffect, useState } from 'preact/hooks';

/**
 * How many of a view's stages to show: the first at once, each next one in a task of its own.
 * The dashboard draws a dozen panels from one set of answers; drawn in one go on an office PC
 * they held the main thread for most of a second (tests/bench/staff-dashboard.bench.ts), so the
 * figures above the fold come first and the page stays responsive while the rest is drawn.
 * Starts again from the first stage whenever `key` changes (the dashboard: a new filter).
 */
export function useStages(count: number, key: unknown): number {
  const [state, setState] = useState({ key, shown: 1 });
  const shown = state.key === key ? state.shown : 1;
  useEffect(() => {
    if (shown >= count) return;
    const timer = setTimeout(() => setState({ key, shown: shown + 1 }), 0);
    return () => clearTimeout(timer);
  }, [shown, count, key]);
  return shown;
}

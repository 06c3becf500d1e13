// The report's comparison of each element and the overall index with the previous period and
// with its target, the change judged by a two-proportion test rather than by its size alone.
import type { IndexFigure, ScoreCard } from './score-card';
import { significantChange, type Change, type ProportionSample } from './two-proportion';

export interface ComparedIndex {
  /** An element id, or "overall". */
  id: string;
  current: number | null;
  previous: number | null;
  /** current − previous in percentage points. */
  difference: number | null;
  change: Change;
  target: number | null;
  /** null without a current index or a target. */
  targetMet: boolean | null;
}

/**
 * The sample an index rests on, for a test. A criterion's is its valid answers. An element or the
 * overall index sums answers of several criteria given by the same people, which are not
 * independent: the mean number of valid answers per criterion is used instead (conservative).
 */
export function sampleOf(figure: IndexFigure, criteriaWithAnswers: number): ProportionSample | null {
  if (figure.index === null || criteriaWithAnswers === 0) return null;
  return { percent: figure.index, n: Math.round(figure.n / criteriaWithAnswers) };
}

function compare(id: string, current: IndexFigure | undefined, previous: IndexFigure | undefined, parts: (card: 'current' | 'previous') => number, target: number | null): ComparedIndex {
  const now = current?.index ?? null;
  const before = previous?.index ?? null;
  const change = current && previous ? significantChange(sampleOf(current, parts('current')), sampleOf(previous, parts('previous'))) : 'none';
  return {
    id,
    current: now,
    previous: before,
    difference: now !== null && before !== null ? Math.round((now - before) * 100) / 100 : null,
    change,
    target,
    targetMet: now === null || target === null ? null : now >= target,
  };
}

/** Each element, then the overall index, compared with the previous period and the targets. */
export function comparePeriods(current: ScoreCard, previous: ScoreCard, targets: Record<string, number>): ComparedIndex[] {
  const answered = (card: ScoreCard, element?: string) => card.criteria.filter((c) => c.index !== null && (element === undefined || c.element === element)).length;
  const cards = { current, previous };
  const rows = current.elements.map((e) =>
    compare(e.id, e, previous.elements.find((p) => p.id === e.id), (k) => answered(cards[k], e.id), targets[e.id] ?? null),
  );
  rows.push(compare('overall', current.overall, previous.withheld ? undefined : previous.overall, (k) => answered(cards[k]), null));
  return rows;
}

// Decision 1001's assessments and expectations are not satisfaction criteria: an assessment
// ("were you asked to pay outside the rules?") is reported as the share of each answer, and the
// needs and expectations as a ranking of the areas most people want improved first.
import type { SurveyDefinition } from '../../survey-defs/schema';
import { countsOf, type Tally } from './tally';
import { wilsonInterval } from './wilson';

export interface OptionShare {
  id: string;
  count: number;
  /** Percent of those who answered the question; null when nobody did. */
  share: number | null;
  ci95: [number, number] | null;
}

export interface AssessmentFigure {
  id: string;
  /** Those who answered (a condition may have skipped the others). */
  n: number;
  options: OptionShare[];
}

export interface ExpectationFigure {
  id: string;
  n: number;
  /** Those choosing a priority option ("Rất nhiều", "Nhiều"). */
  priority: number;
  share: number | null;
  ci95: [number, number] | null;
  /** 1 for the area most want improved; equal shares share a rank; null without answers. */
  rank: number | null;
}

const percent = (count: number, n: number) => (n ? (100 * count) / n : null);

export function assessmentFigures(def: SurveyDefinition, tally: Tally): AssessmentFigure[] {
  return def.questions.flatMap((q) => {
    if (q.type !== 'single' || q.report !== 'share') return [];
    const counts = countsOf(tally, q.id);
    const n = q.options.reduce((s, o) => s + (counts.get(o.id) ?? 0), 0);
    return [{ id: q.id, n, options: q.options.map((o) => ({ id: o.id, count: counts.get(o.id) ?? 0, share: percent(counts.get(o.id) ?? 0, n), ci95: wilsonInterval(counts.get(o.id) ?? 0, n) })) }];
  });
}

/** Expectations from the most wanted down; those nobody answered come last, unranked. */
export function expectationFigures(def: SurveyDefinition, tally: Tally): ExpectationFigure[] {
  const figures = def.questions.flatMap((q) => {
    if (q.type !== 'single' || q.report !== 'expectation') return [];
    const counts = countsOf(tally, q.id);
    const n = q.options.reduce((s, o) => s + (counts.get(o.id) ?? 0), 0);
    const priority = (q.priority ?? []).reduce((s, o) => s + (counts.get(o) ?? 0), 0);
    return [{ id: q.id, n, priority, share: percent(priority, n), ci95: wilsonInterval(priority, n), rank: null as number | null }];
  });
  const ranked = figures.filter((f) => f.share !== null).sort((a, b) => b.share! - a.share!);
  ranked.forEach((f, i) => (f.rank = i > 0 && ranked[i - 1]!.share === f.share ? ranked[i - 1]!.rank : i + 1));
  return [...ranked, ...figures.filter((f) => f.share === null)];
}

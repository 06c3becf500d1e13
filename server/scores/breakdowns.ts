// The breakdowns a survey offers: the organisation's dimensions, calendar periods, and the
// questions its definition marks as a breakdown (gender, age band …).
import type { SurveyDefinition } from '../../survey-defs/schema';
import { PERIOD_GRAINS, type PeriodGrain } from '../scoring/periods';
import { DIMENSIONS, type Dimension } from '../scoring/score-report';

export type BreakdownSpec =
  | { by: Dimension; kind: 'dimension' }
  | { by: PeriodGrain; kind: 'period' }
  | { by: string; kind: 'question' };

/** Every breakdown `def` can be scored by. */
export function breakdownChoices(def: SurveyDefinition): BreakdownSpec[] {
  return [
    ...DIMENSIONS.map((by) => ({ by, kind: 'dimension' as const })),
    ...PERIOD_GRAINS.map((by) => ({ by, kind: 'period' as const })),
    ...def.questions.filter((q) => q.type === 'single' && q.breakdown).map((q) => ({ by: q.id, kind: 'question' as const })),
  ];
}

/** The specs for the names asked, or the names that are not breakdowns of `def`. */
export function parseBreakdowns(def: SurveyDefinition, names: readonly string[]): { ok: true; specs: BreakdownSpec[] } | { ok: false; unknown: string[] } {
  const choices = breakdownChoices(def);
  const unknown = names.filter((n) => !choices.some((c) => c.by === n));
  if (unknown.length) return { ok: false, unknown };
  return { ok: true, specs: [...new Set(names)].map((n) => choices.find((c) => c.by === n)!) };
}

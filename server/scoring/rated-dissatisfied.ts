// Decision 766 counts a dossier as "rated dissatisfied" when its rating falls on a level the
// questionnaire's scale marks as dissatisfied (Không hài lòng on the 3-level counter scale).
import type { Answers } from '../../survey-defs/check-answers';
import { listCriteria } from '../../survey-defs/criteria';
import type { SurveyDefinition } from '../../survey-defs/schema';

/** True when any criterion is answered with one of its scale's dissatisfied levels. */
export function ratedDissatisfied(def: SurveyDefinition, answers: Answers): boolean {
  return listCriteria(def).some((c) => {
    const value = answers[c.id];
    return typeof value === 'number' && (def.scales[c.scale]?.dissatisfied ?? []).includes(value);
  });
}

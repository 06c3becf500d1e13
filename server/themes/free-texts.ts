// What the themes need of one response: its free-text answers and whether it rated anything, and
// on a dissatisfied level. Pure: worked out when the response is checked, against its questionnaire.
import type { Answers } from '../../survey-defs/check-answers';
import { listCriteria } from '../../survey-defs/criteria';
import type { SurveyDefinition } from '../../survey-defs/schema';
import { ratedDissatisfied } from '../scoring/rated-dissatisfied';

export interface FreeTexts {
  texts: { question: string; text: string }[];
  /** At least one criterion rated. */
  rated: boolean;
  /** At least one criterion rated on a dissatisfied level of its scale. */
  dissatisfied: boolean;
}

/** The non-empty text answers of `answers`, with the response's rating facts. */
export function freeTextsOf(def: SurveyDefinition, answers: Answers): FreeTexts {
  const texts: FreeTexts['texts'] = [];
  for (const q of def.questions) {
    const value = answers[q.id];
    if (q.type === 'text' && typeof value === 'string' && value.trim()) texts.push({ question: q.id, text: value });
  }
  if (!texts.length) return { texts, rated: false, dissatisfied: false };
  return { texts, rated: listCriteria(def).some((c) => typeof answers[c.id] === 'number'), dissatisfied: ratedDissatisfied(def, answers) };
}

import type { Element, Question, SurveyDefinition } from '../../../survey-defs/schema';
import type { LocalizedText } from '../../../survey-defs/schema';
import { askedElements, type Parts } from '../../../survey-defs/parts';

/** One screen of a questionnaire: an element with its criteria, or a section of other questions. */
export type Step =
  | { kind: 'element'; id: string; title: LocalizedText; element: Element }
  | { kind: 'section'; id: string; title: LocalizedText | null; questions: Question[] };

/**
 * The screens of a questionnaire in order: one per element, then one per section. With `parts`
 * (group ids), only the elements of those parts are shown; the other questions always are.
 */
export function surveySteps(def: SurveyDefinition, parts?: Parts): Step[] {
  const asked = askedElements(def, parts);
  const steps: Step[] = def.elements.filter((e) => !asked || asked.has(e.id)).map((element) => ({ kind: 'element', id: element.id, title: element.title, element }));
  for (const section of def.sections) {
    const questions = def.questions.filter((q) => q.section === section.id);
    if (questions.length) steps.push({ kind: 'section', id: section.id, title: section.title, questions });
  }
  const rest = def.questions.filter((q) => !q.section);
  if (rest.length) steps.push({ kind: 'section', id: '_other', title: null, questions: rest });
  return steps;
}

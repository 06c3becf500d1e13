import type { Element, Question, SurveyDefinition } from '../../../survey-defs/schema';
import type { LocalizedText } from '../../../survey-defs/schema';

/** One screen of a questionnaire: an element with its criteria, or a section of other questions. */
export type Step =
  | { kind: 'element'; id: string; title: LocalizedText; element: Element }
  | { kind: 'section'; id: string; title: LocalizedText | null; questions: Question[] };

/** The screens of a questionnaire in order: one per element, then one per section. */
export function surveySteps(def: SurveyDefinition): Step[] {
  const steps: Step[] = def.elements.map((element) => ({ kind: 'element', id: element.id, title: element.title, element }));
  for (const section of def.sections) {
    const questions = def.questions.filter((q) => q.section === section.id);
    if (questions.length) steps.push({ kind: 'section', id: section.id, title: section.title, questions });
  }
  const rest = def.questions.filter((q) => !q.section);
  if (rest.length) steps.push({ kind: 'section', id: '_other', title: null, questions: rest });
  return steps;
}

// The questionnaires staff may set on a unit, kiosk or invitation, with the parts (groups) each
// offers, for the pages' forms.
import type { SurveyDefinition } from '../../survey-defs/schema';
import { QUICK_SURVEY_ID } from './survey-assignment';

export function surveyChoices(surveys: { listPublished(): SurveyDefinition[] }) {
  return surveys
    .listPublished()
    .filter((d) => d.id !== QUICK_SURVEY_ID)
    .map((d) => ({ id: d.id, title: d.title, parts: d.groups.map((g) => ({ id: g.id, title: g.title })) }));
}
export type SurveyChoice = ReturnType<typeof surveyChoices>[number];

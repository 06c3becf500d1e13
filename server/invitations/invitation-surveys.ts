// The questionnaires an invitation offers: always the 3-level quick rating first (it decides
// "rated dissatisfied" for Decision 766), then the full questionnaire named on the invitation.

export const QUICK_SURVEY_ID = 'counter-quick';

/** The questionnaire ids a response through this invitation may answer, each once. */
export function offeredSurveys(invitation: { survey_id: string }): string[] {
  return [...new Set([QUICK_SURVEY_ID, invitation.survey_id])];
}

// The questionnaire setting of a unit, kiosk or invitation as the staff page handles it (the
// server's rule of precedence: server/surveys/survey-assignment.ts).

/** A published full questionnaire and its parts, as the server offers them. */
export interface SurveyChoice {
  id: string;
  title: Record<string, string>;
  parts: { id: string; title: Record<string, string> }[];
}

/** surveyId null: inherit (the unit's, or the unit above's). parts null: every part. */
export interface SurveySettingValue {
  surveyId: string | null;
  parts: string[] | null;
}

/** What a unit or device asks, and where it comes from. */
export interface SurveyAsked {
  surveyId: string;
  parts: string[] | null;
  source: 'device' | 'unit' | 'default';
  from: string | null;
}

export function titleOf(text: Record<string, string>, lang: string): string {
  return text[lang] ?? text.vi ?? '';
}

/** "sipas-2023 — Cung ứng dịch vụ" in the person's language, for a line that says what is asked. */
export function describeAsked(choices: readonly SurveyChoice[], asked: { surveyId: string; parts: string[] | null }, lang: string, everyPart: string): { survey: string; parts: string } {
  const choice = choices.find((c) => c.id === asked.surveyId);
  const survey = choice ? titleOf(choice.title, lang) : asked.surveyId;
  if (!asked.parts?.length) return { survey, parts: everyPart };
  return { survey, parts: asked.parts.map((p) => titleOf(choice?.parts.find((x) => x.id === p)?.title ?? { vi: p }, lang)).join(', ') };
}

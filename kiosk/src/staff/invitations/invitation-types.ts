// The shapes the invitations tab reads from the API.
import type { SurveyChoice } from '../survey-setting/survey-setting';
export type Named = { code: string; name: { vi: string; en: string } };

export interface FormOptions {
  units: Named[];
  procedures: (Named & { unit: string })[];
  officials: { code: string; unit: string; name: string }[];
  surveys: SurveyChoice[];
  /** What each unit asks when the form leaves the questionnaire to it. */
  unitSurveys: Record<string, { surveyId: string; parts: string[] | null }>;
}

export interface IssuedInvitation {
  id: string;
  status: 'created' | 'existing';
  url: string;
  shortCode: string;
  qrSvg: string;
  procedure: Named;
  unit: Named;
  expiresAt: string;
}

export interface InvitationListItem {
  id: string;
  unit: string;
  procedure: string;
  official: string | null;
  timing: 'on_time' | 'late' | 'unknown';
  createdDate: string;
}

// What the open-link page needs to know about a unit, and the address an office publishes.
import type { UnitRow } from '../db/tables/units';
import { QUICK_SURVEY_ID } from '../invitations/invitation-surveys';
import type { SurveyAssignment } from '../surveys/survey-assignment';

/** The address of a unit's open link, e.g. on the agency's web site or a poster. */
export function openLinkUrl(publicUrl: string, unit: string): string {
  return `${publicUrl}/danh-gia/${encodeURIComponent(unit)}`;
}

/**
 * The page's view of a unit whose link is on: like an invitation, about the unit alone, asking
 * the questionnaire and parts the unit's setting names (its own or the nearest unit's above).
 */
export function openLinkView(unit: UnitRow, asked: SurveyAssignment) {
  return {
    unit: { code: unit.code, name: { vi: unit.name_vi, en: unit.name_en } },
    surveys: { quick: QUICK_SURVEY_ID, full: asked.surveyId, parts: asked.parts },
  };
}

// What the open-link page needs to know about a unit, and the address an office publishes.
import type { UnitRow } from '../db/tables/units';
import { DEFAULT_FULL_SURVEY_ID, QUICK_SURVEY_ID } from '../invitations/invitation-surveys';

/** The address of a unit's open link, e.g. on the agency's web site or a poster. */
export function openLinkUrl(publicUrl: string, unit: string): string {
  return `${publicUrl}/danh-gia/${encodeURIComponent(unit)}`;
}

/** The page's view of a unit whose link is on: like an invitation, about the unit alone. */
export function openLinkView(unit: UnitRow) {
  return {
    unit: { code: unit.code, name: { vi: unit.name_vi, en: unit.name_en } },
    surveys: { quick: QUICK_SURVEY_ID, full: DEFAULT_FULL_SURVEY_ID },
  };
}

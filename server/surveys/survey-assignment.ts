// Which questionnaire, and which of its parts (groups), a unit, kiosk or invitation asks.
//
// The rule of precedence, nearest first:
//   1. an invitation's own choice, fixed when it is issued (what its issuer leaves out is taken
//      from its unit's setting at that moment, so later changes never alter a printed slip);
//   2. a kiosk device's own choice;
//   3. the setting of its unit, or else of the nearest unit above that has one;
//   4. otherwise sipas-2017 with every part.
// A setting names a questionnaire and its parts together: a kiosk that sets only a questionnaire
// asks every part of it, whatever its unit says about parts.
import type { ErrorIssue } from '../http-error';
import { normaliseParts, unknownParts } from '../../survey-defs/parts';
import type { SurveyDefinition } from '../../survey-defs/schema';
import { QUICK_SURVEY_ID } from '../invitations/invitation-surveys';

export const DEFAULT_SURVEY_ID = 'sipas-2017';
/** The 3-level rating every kiosk and invitation asks first: never a full questionnaire. */
export { QUICK_SURVEY_ID };

export interface SurveyAssignment {
  surveyId: string;
  /** Group ids asked; null: every part. */
  parts: string[] | null;
}

export const DEFAULT_ASSIGNMENT: SurveyAssignment = { surveyId: DEFAULT_SURVEY_ID, parts: null };

/** The stored pair of columns (survey_id, survey_parts) as a setting; null when it sets nothing. */
export function storedAssignment(row: { survey_id: string | null; survey_parts: string | null }): SurveyAssignment | null {
  if (!row.survey_id) return null;
  return { surveyId: row.survey_id, parts: readParts(row.survey_parts) };
}

export function readParts(text: string | null): string[] | null {
  if (!text) return null;
  try {
    const parts = JSON.parse(text) as unknown;
    return Array.isArray(parts) && parts.length && parts.every((p) => typeof p === 'string') ? parts : null;
  } catch {
    return null;
  }
}

export function partsColumn(parts: readonly string[] | null): string | null {
  return parts?.length ? JSON.stringify(parts) : null;
}

type UnitSetting = { code: string; parent_code: string | null; survey_id: string | null; survey_parts: string | null };

/**
 * A unit's setting as inherited: its own, else the nearest unit's above it, else the default;
 * `from` names the unit it comes from (null: the default).
 */
export function inheritedAssignment(units: ReadonlyMap<string, UnitSetting>, code: string): SurveyAssignment & { from: string | null } {
  const seen = new Set<string>();
  for (let unit = units.get(code); unit && !seen.has(unit.code); unit = unit.parent_code ? units.get(unit.parent_code) : undefined) {
    seen.add(unit.code);
    const own = storedAssignment(unit);
    if (own) return { ...own, from: unit.code };
  }
  return { ...DEFAULT_ASSIGNMENT, from: null };
}

/** A device's or invitation's own setting over its unit's (see the rule at the top). */
export function effectiveAssignment(own: SurveyAssignment | null, unit: SurveyAssignment | null): SurveyAssignment {
  return own ?? unit ?? DEFAULT_ASSIGNMENT;
}

export type CheckedAssignment = { ok: true; assignment: SurveyAssignment } | { ok: false; issues: ErrorIssue[] };

/**
 * A setting as given by staff: the questionnaire must be published and a full one, the parts
 * groups of it. Parts naming every group are stored as null (every part), so a questionnaire
 * that gains a group later asks it too.
 */
export function checkAssignment(
  surveys: { get(id: string): SurveyDefinition | undefined; offered(id: string): unknown },
  input: { surveyId: string; parts?: readonly string[] | null },
  fields: { survey: string; parts: string } = { survey: 'surveyId', parts: 'surveyParts' },
  /** An invitation may offer the quick rating alone. */
  allowQuick = false,
): CheckedAssignment {
  const def = surveys.get(input.surveyId);
  if (!def || def.status !== 'published') {
    return { ok: false, issues: [{ path: fields.survey, code: 'unknown_survey', message: `No published questionnaire "${input.surveyId}"` }] };
  }
  // A questionnaire whose every version is retired is no longer offered to anyone new.
  if (!surveys.offered(def.id)) {
    return { ok: false, issues: [{ path: fields.survey, code: 'survey_retired', message: `Every version of "${def.id}" is retired` }] };
  }
  if (def.id === QUICK_SURVEY_ID && !allowQuick) {
    return { ok: false, issues: [{ path: fields.survey, code: 'unknown_survey', message: `${QUICK_SURVEY_ID} is the quick rating asked first, not a full questionnaire` }] };
  }
  const unknown = unknownParts(def, input.parts);
  if (unknown.length) {
    const groups = def.groups.map((g) => g.id).join(', ') || 'none';
    return { ok: false, issues: unknown.map((p) => ({ path: fields.parts, code: 'unknown_part', message: `"${p}" is not a part of ${def.id} (its parts: ${groups})` })) };
  }
  return { ok: true, assignment: { surveyId: def.id, parts: normaliseParts(def, input.parts) } };
}

/** Parts to check an answer against: only when it answers the questionnaire the setting names. */
export function partsFor(assignment: SurveyAssignment | undefined, surveyId: string): string[] | null {
  return assignment && assignment.surveyId === surveyId ? assignment.parts : null;
}

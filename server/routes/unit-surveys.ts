// The questionnaire and parts a unit asks at its kiosks and on its invitations, inherited by the
// units below it that set none (the rule of precedence: server/surveys/survey-assignment.ts).
// Admins set it for any unit, a manager for their unit and the units below.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireStaff, staffOf, type StaffEnv } from '../auth/staff-auth';
import { canSeeUnit } from '../auth/staff-scope';
import type { UnitRow } from '../db/tables/units';
import { HttpError } from '../http-error';
import { recordAudit } from '../repos/audit-log';
import { listUnits } from '../repos/organisation';
import { setUnitSurveyAssignment } from '../repos/survey-assignment';
import { checkAssignment, inheritedAssignment, partsColumn, storedAssignment } from '../surveys/survey-assignment';
import { invalid, validate } from '../validate';
import { surveyIdField, surveyPartsField } from './kiosk-devices';

export const unitCodeParam = z.object({ code: z.string().min(1).max(64) });
export const unitSurveyBody = z
  .object({
    surveyId: surveyIdField.describe('The full questionnaire its kiosks and invitations ask; null: as the unit above (at the top: sipas-2017)'),
    surveyParts: surveyPartsField.optional().describe('Group ids (parts) of it asked; null or absent: every part'),
  })
  .strict()
  .refine((b) => !(b.surveyParts?.length && !b.surveyId), { message: 'surveyParts goes with the surveyId it belongs to', path: ['surveyId'], params: { code: 'missing_required' } });

/** A unit's own setting and what it asks, for the organisation tab. */
export function unitSurveyView(units: ReadonlyMap<string, UnitRow>, unit: UnitRow) {
  const own = storedAssignment(unit);
  const inherited = inheritedAssignment(units, unit.code);
  return { survey: own, asks: { surveyId: inherited.surveyId, parts: inherited.parts, source: inherited.from ? ('unit' as const) : ('default' as const), from: inherited.from } };
}

export function unitSurveyRoutes(deps: AppDeps) {
  return new Hono<StaffEnv>().put(
    '/units/:code/survey',
    requireStaff(deps, { roles: ['admin', 'manager'] }),
    validate('param', unitCodeParam),
    validate('json', unitSurveyBody),
    async (c) => {
      const { user, scope } = staffOf(c);
      const { code } = c.req.valid('param');
      const body = c.req.valid('json');
      const units = await listUnits(deps.db);
      const unit = units.find((u) => u.code === code);
      if (!unit) throw new HttpError(404, 'unknown_unit', `No unit with code "${code}"`);
      if (!canSeeUnit(scope, code)) throw new HttpError(403, 'unit_out_of_scope', `${code} is outside your units`);
      let assignment = null;
      if (body.surveyId !== null) {
        const checked = checkAssignment(deps.surveys, { surveyId: body.surveyId, parts: body.surveyParts });
        if (!checked.ok) throw invalid(checked.issues);
        assignment = checked.assignment;
      }
      const now = deps.clock();
      await deps.db.transaction().execute(async (trx) => {
        await setUnitSurveyAssignment(trx, code, assignment);
        await recordAudit(trx, { actor: user.username, action: 'unit.survey', target: code, details: { survey: assignment } }, now);
      });
      const changed = { ...unit, survey_id: assignment?.surveyId ?? null, survey_parts: assignment ? partsColumn(assignment.parts) : null };
      const byCode = new Map(units.map((u) => [u.code, u.code === code ? changed : u]));
      return c.json({ code, ...unitSurveyView(byCode, changed) });
    },
  );
}

import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireInviter, type InviterEnv } from '../auth/inviter-auth';
import { canSeeUnit } from '../auth/staff-scope';
import { HttpError } from '../http-error';
import { invitationBody } from '../invitations/invitation-body';
import { toInvitationView } from '../invitations/invitation-view';
import { DEFAULT_INVITATION_DAYS, issueInvitation } from '../invitations/issue-invitation';
import { findInvitation, listInvitations } from '../repos/invitations';
import { listOfficials, listProcedures, listUnits } from '../repos/organisation';
import { subtreeCodes } from '../scoring/unit-tree';
import { vietnamDate } from '../scoring/vietnam-time';
import { inheritedAssignment } from '../surveys/survey-assignment';
import { surveyChoices } from '../surveys/survey-choices';
import { calendarDate } from '../dates/calendar-date';
import { validate } from '../validate';

export const invitationListQuery = z
  .object({
    unit: z.string().min(1).max(64).optional().describe('Only this unit and the units below it'),
    from: calendarDate.optional().describe('Created on or after this Vietnam date; default today'),
    to: calendarDate.optional().describe('Created on or before this Vietnam date; default today'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export const invitationIdParam = z.object({ id: z.uuid() }).strict();

/**
 * Invitations for staff (admin, manager) and for one-stop systems with an API key, each within
 * their units. The list shows what a slip is about, never whether it was answered.
 */
export function invitationRoutes(deps: AppDeps) {
  const viewContext = { db: deps.db, secret: deps.secret, publicUrl: deps.publicUrl };
  return new Hono<InviterEnv>()
    .use(requireInviter(deps))
    .post('/', validate('json', invitationBody), async (c) => {
      const inviter = c.get('inviter');
      const { status, invitation } = await issueInvitation(
        { db: deps.db, surveys: deps.surveys, secret: deps.secret, now: deps.clock(), days: deps.invitationDays ?? DEFAULT_INVITATION_DAYS, actor: inviter.actor, scope: inviter.scope },
        c.req.valid('json'),
      );
      return c.json(await toInvitationView(viewContext, invitation, status), status === 'created' ? 201 : 200);
    })
    .get('/', validate('query', invitationListQuery), async (c) => {
      const { scope } = c.get('inviter');
      const query = c.req.valid('query');
      const today = vietnamDate(deps.clock());
      const from = query.from ?? today;
      const to = query.to ?? today;
      if (from > to) throw new HttpError(400, 'invalid_request', 'from is after to', [{ path: 'from', code: 'after_to', message: 'from is after to' }]);
      if (query.unit && !canSeeUnit(scope, query.unit)) throw new HttpError(403, 'unit_not_allowed', `You may not see unit "${query.unit}"`);
      // A unit within the caller's scope brings its whole subtree, which is within the scope too.
      const units = query.unit ? subtreeCodes(await listUnits(deps.db), query.unit) : scope.units ? [...scope.units] : null;
      const rows = await listInvitations(deps.db, {
        units,
        createdFrom: from,
        createdTo: to,
        limit: query.limit,
      });
      return c.json(
        rows.map((r) => ({
          id: r.id,
          unit: r.unit_code,
          procedure: r.procedure_code,
          official: r.official_code || null,
          survey: r.survey_id,
          returnDate: r.return_date,
          timing: r.timing,
          createdDate: r.created_date,
          expiresAt: r.expires_at,
        })),
      );
    })
    .get('/form-options', async (c) => {
      const { scope } = c.get('inviter');
      const [units, procedures, officials] = await Promise.all([listUnits(deps.db), listProcedures(deps.db), listOfficials(deps.db)]);
      const byCode = new Map(units.map((u) => [u.code, u]));
      const offered = units.filter((u) => u.active && canSeeUnit(scope, u.code));
      return c.json({
        // Retired entries take no new invitation: they are not offered.
        units: offered.map((u) => ({ code: u.code, name: { vi: u.name_vi, en: u.name_en } })),
        procedures: procedures.filter((p) => p.active).map((p) => ({ code: p.code, unit: p.unit_code, name: { vi: p.name_vi, en: p.name_en } })),
        officials: officials.filter((o) => o.active && canSeeUnit(scope, o.unit_code)).map((o) => ({ code: o.code, unit: o.unit_code, name: o.full_name })),
        surveys: surveyChoices(deps.surveys),
        unitSurveys: Object.fromEntries(offered.map((u) => {
          const { surveyId, parts } = inheritedAssignment(byCode, u.code);
          return [u.code, { surveyId, parts }];
        })),
      });
    })
    .get('/:id', validate('param', invitationIdParam), async (c) => {
      const row = await findInvitation(deps.db, c.req.valid('param').id);
      if (!row || !canSeeUnit(c.get('inviter').scope, row.unit_code)) throw new HttpError(404, 'unknown_invitation', 'No such invitation in your units');
      return c.json(await toInvitationView(viewContext, row, 'existing'));
    });
}

// A response sent through an invitation: checked like any other, it inherits the invitation's
// unit, procedure and official and claims the invitation's use for its questionnaire inside the
// storing transaction. Nothing on the response row points back at the invitation.
import { z } from 'zod';
import type { InvitationRow } from '../db/tables/invitations';
import type { ErrorIssue } from '../http-error';
import { addDossierCounts } from '../repos/dossier-counts';
import { claimInvitationUse } from '../repos/invitations';
import type { PendingResponse } from '../repos/responses';
import { prepareResponse, type ResponseContext } from '../responses/prepare-response';
import { responseBody } from '../responses/response-body';
import { ratedDissatisfied } from '../scoring/rated-dissatisfied';
import { readParts } from '../surveys/survey-assignment';
import { useKey } from './invitation-secrets';
import { offeredSurveys, QUICK_SURVEY_ID } from './invitation-surveys';

/** POST /api/invitation-tokens/:token/responses: a response without the fields the invitation sets. */
export const invitedResponseBody = responseBody.omit({ unit: true, procedure: true, official: true, channel: true }).strict();
export type InvitedResponseBody = z.infer<typeof invitedResponseBody>;

export const INVITATION_REFUSALS = {
  used: 'invitation_used',
  expired: 'invitation_expired',
} as const;

export type PreparedInvited = { ok: true; response: PendingResponse } | { ok: false; issues: ErrorIssue[] };

export async function prepareInvitedResponse(ctx: ResponseContext & { secret: Buffer }, invitation: InvitationRow, body: InvitedResponseBody): Promise<PreparedInvited> {
  const offered = offeredSurveys(invitation);
  if (!offered.includes(body.surveyId)) {
    return { ok: false, issues: [{ path: 'surveyId', code: 'not_offered', message: `This invitation offers ${offered.join(' and ')}` }] };
  }
  const asked = { surveyId: invitation.survey_id, parts: readParts(invitation.survey_parts) };
  const prepared = await prepareResponse({ ...ctx, fromInvitation: true, asked }, {
    ...body,
    unit: invitation.unit_code,
    procedure: invitation.procedure_code,
    official: invitation.official_code || undefined,
    channel: 'qr',
  });
  if (!prepared.ok) return prepared;
  const def = ctx.surveys.get(prepared.response.surveyId, prepared.response.surveyVersion)!;
  const key = useKey(ctx.secret, invitation.id, prepared.response.surveyId);
  const expired = ctx.now.toISOString() >= invitation.expires_at;
  const response: PendingResponse = {
    ...prepared.response,
    async guard(trx) {
      if (expired) return { code: INVITATION_REFUSALS.expired, message: 'This invitation has expired' };
      if (!(await claimInvitationUse(trx, key))) {
        return { code: INVITATION_REFUSALS.used, message: 'This questionnaire was already answered for this dossier' };
      }
    },
    async afterInsert(trx, stored) {
      if (stored.surveyId !== QUICK_SURVEY_ID) return;
      const dissatisfied = ratedDissatisfied(def, stored.answers);
      await addDossierCounts(trx, { unit_code: invitation.unit_code, procedure_code: invitation.procedure_code, return_date: invitation.return_date }, {
        rated: 1,
        dissatisfied: dissatisfied ? 1 : 0,
        dissatisfied_not_late: dissatisfied && invitation.timing !== 'late' ? 1 : 0,
      });
    },
  };
  return { ok: true, response };
}

import { Hono } from 'hono';
import { bodySizeLimit } from '../body-size-limit';
import type { AppDeps } from '../app-deps';
import { tokenHash } from '../invitations/invitation-secrets';
import { liveInvitation, lookupInvitation, tokenParam, unknownInvitation } from '../invitations/invitation-lookup';
import { INVITATION_REFUSALS, invitedResponseBody, prepareInvitedResponse } from '../invitations/invited-response';
import { findInvitationByToken } from '../repos/invitations';
import { answerOutcome } from '../responses/answer-outcome';
import { inTurnOnPostgres } from '../responses/loop-turns';
import { responseRefusal } from '../responses/prepare-response';
import { PROOFS } from '../responses/proof';
import { validate } from '../validate';
import { RESPONSE_BODY_LIMIT, tooLarge } from './responses';

/**
 * The citizen's side of an invitation, no sign-in: what the token is about, and answering through
 * it. Idempotent like POST /api/responses: 201 stored, 200 the same response again, 409 used.
 */
export function invitationTokenRoutes(deps: AppDeps) {
  const ctx = { db: deps.db, secret: deps.secret, publicUrl: deps.publicUrl };
  return new Hono()
    .get('/:token', validate('param', tokenParam), async (c) => {
      const row = await liveInvitation(ctx, c.req.valid('param').token, deps.clock());
      c.header('Cache-Control', 'no-store');
      return c.json(await lookupInvitation(ctx, row));
    })
    .post(
      '/:token/responses',
      bodySizeLimit(RESPONSE_BODY_LIMIT, () => { throw tooLarge(); }),
      inTurnOnPostgres(deps.db),
      validate('param', tokenParam),
      validate('json', invitedResponseBody),
      async (c) => {
        // Expiry is checked while storing, so that a resend of a stored response still gets its 200.
        const invitation = await findInvitationByToken(deps.db, tokenHash(c.req.valid('param').token));
        if (!invitation) throw unknownInvitation();
        const now = deps.clock();
        const prepared = await prepareInvitedResponse({ db: deps.db, surveys: deps.surveys, now, secret: deps.secret, proof: PROOFS.invitation }, invitation, c.req.valid('json'));
        if (!prepared.ok) throw responseRefusal(prepared.issues);
        const { response } = prepared;
        const outcome = await deps.writer.write(response);
        return answerOutcome(c, response, outcome, (code) => (code === INVITATION_REFUSALS.expired ? 404 : 409));
      },
    );
}

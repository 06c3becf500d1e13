// What the phone page learns from a token: what the rating is about and what is left to answer.
import { z } from 'zod';
import type { InvitationRow } from '../db/tables/invitations';
import { HttpError } from '../http-error';
import { findInvitationByToken, takenUseKeys } from '../repos/invitations';
import { findOfficial, findProcedure, findUnit } from '../repos/organisation';
import { readParts } from '../surveys/survey-assignment';
import type { ViewContext } from './invitation-view';
import { tokenHash, useKey } from './invitation-secrets';
import { QUICK_SURVEY_ID } from './invitation-surveys';

/** The token in the QR code's address: 128 bits, base64url. */
export const invitationToken = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not an invitation token');
export const tokenParam = z.object({ token: invitationToken }).strict();

const name = z.object({ vi: z.string(), en: z.string() });
export const invitationLookupView = z.object({
  unit: z.object({ code: z.string(), name }),
  procedure: z.object({ code: z.string(), name }),
  official: z.object({ name: z.string() }).nullable(),
  surveys: z.object({
    quick: z.string(),
    full: z.string().nullable().describe('null when only the quick rating is offered'),
    parts: z.array(z.string()).nullable().describe('The parts (group ids) of the full questionnaire asked; null: every part'),
  }),
  answered: z.object({ quick: z.boolean(), full: z.boolean() }).describe('Each questionnaire can be answered once'),
  expiresAt: z.string(),
});
export type InvitationLookupView = z.infer<typeof invitationLookupView>;

export function unknownInvitation(): HttpError {
  return new HttpError(404, 'unknown_invitation', 'No invitation has this link or code; check the slip');
}

export function expiredInvitation(): HttpError {
  return new HttpError(404, 'invitation_expired', 'This invitation has expired');
}

/** The live invitation behind a token; 404 unknown_invitation or invitation_expired otherwise. */
export async function liveInvitation(ctx: ViewContext, token: string, now: Date): Promise<InvitationRow> {
  const row = await findInvitationByToken(ctx.db, tokenHash(token));
  if (!row) throw unknownInvitation();
  if (now.toISOString() >= row.expires_at) throw expiredInvitation();
  return row;
}

export async function lookupInvitation(ctx: ViewContext, row: InvitationRow): Promise<InvitationLookupView> {
  const full = row.survey_id === QUICK_SURVEY_ID ? null : row.survey_id;
  const keys = { quick: useKey(ctx.secret, row.id, QUICK_SURVEY_ID), full: full ? useKey(ctx.secret, row.id, full) : '' };
  const [unit, procedure, official, taken] = await Promise.all([
    findUnit(ctx.db, row.unit_code),
    findProcedure(ctx.db, row.procedure_code),
    row.official_code ? findOfficial(ctx.db, row.official_code) : undefined,
    takenUseKeys(ctx.db, [keys.quick, keys.full].filter(Boolean)),
  ]);
  return {
    unit: { code: row.unit_code, name: { vi: unit?.name_vi ?? row.unit_code, en: unit?.name_en ?? row.unit_code } },
    procedure: { code: row.procedure_code, name: { vi: procedure?.name_vi ?? row.procedure_code, en: procedure?.name_en ?? row.procedure_code } },
    official: official ? { name: official.full_name } : null,
    surveys: { quick: QUICK_SURVEY_ID, full, parts: full ? readParts(row.survey_parts) : null },
    answered: { quick: taken.has(keys.quick), full: full ? taken.has(keys.full) : false },
    expiresAt: row.expires_at,
  };
}

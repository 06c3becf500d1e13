import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { InvitationRow } from '../db/tables/invitations';
import { findOfficial, findProcedure, findUnit } from '../repos/organisation';
import type { InvitationView } from './invitation-body';
import { invitationShortCode, invitationToken } from './invitation-secrets';
import { qrSvg } from './qr-svg';
import { readParts } from '../surveys/survey-assignment';
import { formatShortCode } from './short-code';

export interface ViewContext {
  db: Kysely<Database>;
  secret: Buffer;
  publicUrl: string;
}

/** The addresses printed on a slip: the QR code's, and the page for typing the code. */
export function invitationUrls(publicUrl: string, token: string): { url: string; shortUrl: string } {
  const base = publicUrl.replace(/\/+$/, '');
  return { url: `${base}/s/${token}`, shortUrl: `${base}/s` };
}

/** An invitation as the API returns it: with its token, code, QR code and the names it is about. */
export async function toInvitationView(ctx: ViewContext, row: InvitationRow, status: InvitationView['status']): Promise<InvitationView> {
  const token = invitationToken(ctx.secret, row.token_salt);
  const urls = invitationUrls(ctx.publicUrl, token);
  const [unit, procedure, official] = await Promise.all([
    findUnit(ctx.db, row.unit_code),
    findProcedure(ctx.db, row.procedure_code),
    row.official_code ? findOfficial(ctx.db, row.official_code) : undefined,
  ]);
  return {
    id: row.id,
    status,
    token,
    ...urls,
    shortCode: formatShortCode(invitationShortCode(ctx.secret, row.token_salt)),
    qrSvg: await qrSvg(urls.url),
    unit: { code: row.unit_code, name: { vi: unit?.name_vi ?? row.unit_code, en: unit?.name_en ?? row.unit_code } },
    procedure: { code: row.procedure_code, name: { vi: procedure?.name_vi ?? row.procedure_code, en: procedure?.name_en ?? row.procedure_code } },
    official: row.official_code ? { code: row.official_code, name: official?.full_name ?? row.official_code } : null,
    survey: row.survey_id,
    surveyParts: readParts(row.survey_parts),
    receivedDate: row.received_date,
    dueDate: row.due_date,
    returnDate: row.return_date,
    timing: row.timing,
    createdDate: row.created_date,
    expiresAt: row.expires_at,
  };
}

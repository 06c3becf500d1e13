// Creating the invitation for a returned dossier, or finding the one it already has. The
// invitation and the dossier counters it adds to are written in one transaction.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canSeeUnit, type StaffScope } from '../auth/staff-scope';
import type { Database } from '../db/database';
import type { InvitationRow } from '../db/tables/invitations';
import { HttpError, type ErrorIssue } from '../http-error';
import { addDossierCounts } from '../repos/dossier-counts';
import { findInvitationByDossier, insertInvitation } from '../repos/invitations';
import { findOfficial, findProcedure, findUnit, officialBelongsTo } from '../repos/organisation';
import { dossierTiming, vietnamDay } from '../scoring/dossier-timing';
import { addDays, startOfVietnamDate } from '../scoring/vietnam-time';
import { unitSurveyAssignment } from '../repos/survey-assignment';
import { checkAssignment, effectiveAssignment, partsColumn, type SurveyAssignment } from '../surveys/survey-assignment';
import type { SurveyRegistry } from '../surveys/survey-registry';
import { invalid } from '../validate';
import type { InvitationBody } from './invitation-body';
import { codeHash, dossierHash, invitationShortCode, invitationToken, newTokenSalt, tokenHash } from './invitation-secrets';

export const DEFAULT_INVITATION_DAYS = 30;
const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;

export interface IssueContext {
  db: Kysely<Database>;
  surveys: SurveyRegistry;
  secret: Buffer;
  now: Date;
  /** Days until the invitation expires. */
  days: number;
  actor: string;
  scope: StaffScope;
}

export type Issued = { status: 'created' | 'existing'; invitation: InvitationRow };

/**
 * Returns the dossier's invitation, creating it when new. Asking again for the same dossier
 * returns the first invitation unchanged, whatever the second request says.
 */
export async function issueInvitation(ctx: IssueContext, body: InvitationBody): Promise<Issued> {
  const survey = await checkBody(ctx, body);
  if (!canSeeUnit(ctx.scope, body.unit)) throw new HttpError(403, 'unit_not_allowed', `You may not invite for unit "${body.unit}"`);
  const dossier = dossierHash(ctx.secret, body.dossierCode);
  const known = await findInvitationByDossier(ctx.db, dossier);
  if (known) return existing(ctx, known);

  const today = vietnamDay(ctx.now.toISOString());
  const instant = (v: string | undefined) => (v && v.length > 10 ? new Date(v).toISOString() : (v ?? null));
  const returnedAt = instant(body.returnedAt) ?? ctx.now.toISOString();
  const timing = dossierTiming(body.dueAt ? instant(body.dueAt) : null, returnedAt);
  const base = {
    dossier_hash: dossier,
    unit_code: body.unit,
    procedure_code: body.procedure,
    official_code: body.official ?? '',
    survey_id: survey.surveyId,
    survey_parts: partsColumn(survey.parts),
    received_date: body.receivedAt ? vietnamDay(instant(body.receivedAt)!) : null,
    due_date: body.dueAt ? vietnamDay(instant(body.dueAt)!) : null,
    return_date: vietnamDay(returnedAt),
    timing,
    created_by: ctx.actor,
    created_date: today,
    // Valid through the whole last day: a day boundary says nothing about when it was made.
    expires_at: startOfVietnamDate(addDays(today, ctx.days + 1)).toISOString(),
  };
  // A new salt on the rare clash of a short code with another invitation's.
  for (let attempt = 0; attempt < 5; attempt++) {
    const salt = newTokenSalt();
    const row: InvitationRow = {
      ...base,
      id: randomUUID(),
      token_salt: salt,
      token_hash: tokenHash(invitationToken(ctx.secret, salt)),
      code_hash: codeHash(ctx.secret, invitationShortCode(ctx.secret, salt)),
    };
    const created = await ctx.db.transaction().execute(async (trx) => {
      if (!(await insertInvitation(trx, row))) return false;
      await addDossierCounts(trx, { unit_code: row.unit_code, procedure_code: row.procedure_code, return_date: row.return_date }, {
        dossiers: 1,
        with_due: timing === 'unknown' ? 0 : 1,
        on_time: timing === 'on_time' ? 1 : 0,
        late: timing === 'late' ? 1 : 0,
      });
      return true;
    });
    if (created) return { status: 'created', invitation: row };
    // Another request for the same dossier may have won the race.
    const raced = await findInvitationByDossier(ctx.db, dossier);
    if (raced) return existing(ctx, raced);
  }
  throw new Error('could not find a free short code in 5 attempts');
}

function existing(ctx: IssueContext, row: InvitationRow): Issued {
  if (!canSeeUnit(ctx.scope, row.unit_code)) {
    throw new HttpError(409, 'dossier_in_other_unit', 'This dossier already has an invitation from a unit you may not see');
  }
  return { status: 'existing', invitation: row };
}

/**
 * Every problem the schema cannot see: unknown codes and questionnaire or parts, impossible dates.
 * Returns the questionnaire and parts the invitation asks (server/surveys/survey-assignment.ts).
 */
async function checkBody(ctx: IssueContext, body: InvitationBody): Promise<SurveyAssignment> {
  const issues: ErrorIssue[] = [];
  const [unit, procedure, official, unitSurvey] = await Promise.all([
    findUnit(ctx.db, body.unit),
    findProcedure(ctx.db, body.procedure),
    body.official ? findOfficial(ctx.db, body.official) : undefined,
    unitSurveyAssignment(ctx.db, body.unit),
  ]);
  if (!unit) issues.push({ path: 'unit', code: 'unknown_unit', message: `No unit with code "${body.unit}"` });
  if (!procedure) issues.push({ path: 'procedure', code: 'unknown_procedure', message: `No procedure with code "${body.procedure}"` });
  if (body.official && !official) issues.push({ path: 'official', code: 'unknown_official', message: `No official with code "${body.official}"` });
  if (unit && !unit.active) issues.push({ path: 'unit', code: 'unit_retired', message: `Unit "${unit.code}" is retired` });
  if (procedure && !procedure.active) issues.push({ path: 'procedure', code: 'procedure_retired', message: `Procedure "${procedure.code}" is retired` });
  if (official && !official.active) issues.push({ path: 'official', code: 'official_retired', message: `Official "${official.code}" is retired` });
  if (official && unit && !(await officialBelongsTo(ctx.db, official.code, unit.code))) {
    issues.push({ path: 'official', code: 'official_not_in_unit', message: `Official "${official.code}" does not belong to unit "${unit.code}" or a unit below it` });
  }
  const fromUnit = effectiveAssignment(null, unitSurvey);
  // What the issuer leaves out comes from the unit: its questionnaire, and its parts when the questionnaire is the unit's.
  const surveyId = body.survey ?? fromUnit.surveyId;
  const parts = body.surveyParts !== undefined ? body.surveyParts : surveyId === fromUnit.surveyId ? fromUnit.parts : null;
  const checked = checkAssignment(ctx.surveys, { surveyId, parts }, { survey: 'survey', parts: 'surveyParts' }, true);
  if (!checked.ok) issues.push(...checked.issues);

  const today = vietnamDay(ctx.now.toISOString());
  const inFuture = (v: string) => (v.length === 10 ? v > today : Date.parse(v) > ctx.now.getTime() + MAX_CLOCK_SKEW_MS);
  if (body.returnedAt && inFuture(body.returnedAt)) issues.push({ path: 'returnedAt', code: 'in_future', message: 'returnedAt is in the future' });
  if (body.receivedAt && inFuture(body.receivedAt)) issues.push({ path: 'receivedAt', code: 'in_future', message: 'receivedAt is in the future' });
  const returned = body.returnedAt ?? ctx.now.toISOString();
  if (body.receivedAt && vietnamDay(body.receivedAt) > vietnamDay(returned)) {
    issues.push({ path: 'receivedAt', code: 'after_return', message: 'receivedAt is after the result was returned' });
  }
  if (issues.length || !checked.ok) throw invalid(issues);
  return checked.assignment;
}

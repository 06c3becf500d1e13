import type { Kysely } from 'kysely';
import { checkAnswers, countableAnswers } from '../../survey-defs/check-answers';
import type { Database } from '../db/database';
import { HttpError, type ErrorIssue } from '../http-error';
import { invalid } from '../validate';
import { knownCodes } from '../repos/organisation';
import { readRetention } from '../repos/retention';
import { mergedAfter } from '../repos/unit-changes';
import { MIN_RETENTION_DAYS, retentionCutoff } from '../scoring/retention-cutoff';
import type { PendingResponse } from '../repos/responses';
import { vietnamDate } from '../scoring/vietnam-time';
import { partsFor, type SurveyAssignment } from '../surveys/survey-assignment';
import type { SurveyRegistry } from '../surveys/survey-registry';
import { freeTextsOf } from '../themes/free-texts';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256-hex';
import type { Lookups } from './lookups';
import { isVerified, type Proof } from './proof';
import type { ResponseBody } from './response-body';

/** Clocks on tablets drift; an answer from further in the future than this is refused. */
const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;
const DAY_MS = 86_400_000;
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');

export interface ResponseContext {
  db: Kysely<Database>;
  surveys: SurveyRegistry;
  now: Date;
  /** Set when an enrolled kiosk device sends the response. */
  deviceId?: string;
  /** What proved the channel the response claims. */
  proof: Proof;
  /**
   * Set when the procedure and official come from an invitation, fixed when the dossier was
   * handled: the citizen may still rate it after the official left or the procedure was retired.
   */
  fromInvitation?: boolean;
  /**
   * The in-memory snapshot to check codes against instead of the database; the response then
   * carries its generation and the batch refuses it if the snapshot is out of date.
   */
  lookups?: Lookups;
  /**
   * The questionnaire and parts the kiosk or invitation asks: an answer to that questionnaire is
   * checked against its parts (criteria of the other parts refused as not_asked, not demanded).
   */
  asked?: SurveyAssignment;
}

export const SURVEY_RETIRED = 'survey_retired';

/** What a route answers to a refused response: 409 for a retired version, else 400 naming each field. */
export function responseRefusal(issues: ErrorIssue[]): HttpError {
  const retired = issues.find((i) => i.code === SURVEY_RETIRED);
  return retired ? new HttpError(409, SURVEY_RETIRED, retired.message, issues) : invalid(issues);
}

export type Prepared = { ok: true; response: PendingResponse } | { ok: false; issues: ErrorIssue[] };

/**
 * Checks a submitted response against its questionnaire and the organisation and turns it into
 * a row to store. Every problem is reported at once, each naming its field.
 */
export async function prepareResponse(ctx: ResponseContext, body: ResponseBody): Promise<Prepared> {
  const issues: ErrorIssue[] = [];
  let def = ctx.surveys.get(body.surveyId, body.surveyVersion);
  // A version published on another server a moment ago is not in this one's memory yet: only a
  // miss pays for the catalog read, never an answer to a version already known.
  if (!def) {
    await ctx.surveys.refresh();
    def = ctx.surveys.get(body.surveyId, body.surveyVersion);
  }
  if (!def || def.status !== 'published') {
    const what = body.surveyVersion ? `${body.surveyId} v${body.surveyVersion}` : body.surveyId;
    issues.push({ path: body.surveyVersion && def ? 'surveyVersion' : 'surveyId', code: 'unknown_survey', message: `No published questionnaire "${what}"` });
  }
  let submittedAt = ctx.now.toISOString();
  if (body.submittedAt) {
    const ms = Date.parse(body.submittedAt);
    if (ms > ctx.now.getTime() + MAX_CLOCK_SKEW_MS) issues.push({ path: 'submittedAt', code: 'in_future', message: 'submittedAt is in the future' });
    else if (ms < EARLIEST) issues.push({ path: 'submittedAt', code: 'too_old', message: 'submittedAt is before 2000' });
    else submittedAt = new Date(ms).toISOString();
  }

  // A retired version takes no answer given after its retirement; one given before (a kiosk's
  // queue sent late, a paper form) is still about the questionnaire as it was offered then.
  const retiredAt = def ? ctx.surveys.retiredAt(def.id, def.version) : undefined;
  if (def && retiredAt && submittedAt >= retiredAt) {
    issues.push({ path: 'surveyVersion', code: SURVEY_RETIRED, message: `${def.id} v${def.version} was retired at ${retiredAt} and takes no answer given after it` });
  }

  // A row older than the retention cutoff would be deleted by the next purge, and a resend after
  // that would count twice: such an answer is refused. Only old answers pay for the lookup.
  if (Date.parse(submittedAt) < ctx.now.getTime() - MIN_RETENTION_DAYS * DAY_MS) {
    const cutoff = retentionCutoff(vietnamDate(ctx.now), ctx.lookups ? ctx.lookups.responseDays : (await readRetention(ctx.db)).responseDays);
    if (cutoff !== null && vietnamDate(submittedAt) < cutoff) {
      issues.push({ path: 'submittedAt', code: 'too_old', message: `submittedAt is before ${cutoff}: raw responses are kept only from then on` });
    }
  }
  const { lookups } = ctx;
  const { unit, procedure, official, officialUnits, retired } = lookups ? lookups.knownCodes(body) : await knownCodes(ctx.db, body);
  const wasMergedAfter = async (code: string, date: string) => (lookups ? lookups.mergedAfter(code, date) : mergedAfter(ctx.db, code, date));
  // A slip handed out, or a kiosk answer queued offline, before the unit was merged or the official
  // moved is about the service as it was then: it still counts where it was given.
  const servedBefore = ctx.fromInvitation === true || (!!body.unit && retired.unit && (await wasMergedAfter(body.unit, vietnamDate(submittedAt))));
  // Retired entries keep their past responses; a retired unit takes no new answer at all.
  if (body.unit && retired.unit && !servedBefore) issues.push({ path: 'unit', code: 'unit_retired', message: `Unit "${body.unit}" is retired and takes no new answers` });
  if (body.procedure && retired.procedure && !ctx.fromInvitation) issues.push({ path: 'procedure', code: 'procedure_retired', message: `Procedure "${body.procedure}" is retired` });
  if (body.official && retired.official && !ctx.fromInvitation) issues.push({ path: 'official', code: 'official_retired', message: `Official "${body.official}" is retired` });
  if (body.unit && !unit) issues.push({ path: 'unit', code: 'unknown_unit', message: `No unit with code "${body.unit}"` });
  if (body.procedure && !procedure) issues.push({ path: 'procedure', code: 'unknown_procedure', message: `No procedure with code "${body.procedure}"` });
  if (body.official && !official) issues.push({ path: 'official', code: 'unknown_official', message: `No official with code "${body.official}"` });
  // An answer about an official counts for the unit named; an official of another unit would
  // move figures between units (and round the withholding of small figures).
  if (body.official && official && !body.unit) issues.push({ path: 'unit', code: 'unit_required', message: 'A response that names an official must name the unit too' });
  if (body.official && official && body.unit && unit && !officialUnits.includes(body.unit) && !servedBefore) {
    issues.push({ path: 'official', code: 'official_not_in_unit', message: `Official "${body.official}" does not belong to unit "${body.unit}" or a unit below it` });
  }

  if (!def || def.status !== 'published') return { ok: false, issues };
  const checked = checkAnswers(def, body.answers, { parts: partsFor(ctx.asked, def.id) });
  if (!checked.ok) issues.push(...checked.issues);
  else if (Object.keys(checked.answers).length === 0) {
    issues.push({ path: 'answers', code: 'missing_required', message: 'at least one question must be answered' });
  }
  if (issues.length || !checked.ok) return { ok: false, issues };

  const answers = checked.answers;
  const deviceId = ctx.deviceId ?? '';
  // The hash covers what the client sent (not what the server filled in), so a resend matches.
  const contentHash = sha256Hex(
    canonicalJson({
      surveyId: def.id,
      surveyVersion: def.version,
      answers,
      unit: body.unit ?? '',
      procedure: body.procedure ?? '',
      official: body.official ?? '',
      channel: body.channel,
      submittedAt: body.submittedAt ? submittedAt : null,
      deviceId,
    }),
  );
  return {
    ok: true,
    response: {
      id: body.id.toLowerCase(),
      surveyId: def.id,
      surveyVersion: def.version,
      unitCode: body.unit ?? '',
      procedureCode: body.procedure ?? '',
      officialCode: body.official ?? '',
      channel: body.channel,
      submittedAt,
      localDate: vietnamDate(submittedAt),
      receivedAt: ctx.now.toISOString(),
      answers,
      countedAnswers: countableAnswers(def, answers),
      contentHash,
      deviceId,
      flagged: false,
      proof: ctx.proof,
      verified: isVerified(ctx.proof),
      freeTexts: freeTextsOf(def, answers),
      ...(lookups ? { lookupGeneration: lookups.generation } : {}),
    },
  };
}

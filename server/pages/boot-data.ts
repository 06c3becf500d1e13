// What a citizen page needs for its first screen, embedded by the server in the HTML it serves
// (server/pages/page-html.ts): each fetch it saves is a round trip on a slow line. The page reads
// it with kiosk/src/shared/boot-data.ts and fetches anything absent, as before.
import type { AppDeps } from '../app-deps';
import { HttpError } from '../http-error';
import { liveInvitation, lookupInvitation, tokenParam } from '../invitations/invitation-lookup';
import { QUICK_SURVEY_ID } from '../invitations/invitation-surveys';
import { openLinkAnswer } from '../open-link/open-link-answer';
import { listLocales } from '../routes/locales';
import { openLinkUnitParam } from '../routes/open-links';
import type { SurveyDefinition } from '../../survey-defs/schema';

/** An API answer as the page would have fetched it: its status and JSON body. */
export interface EmbeddedAnswer {
  status: number;
  body: unknown;
}

export interface CitizenBoot {
  /** The languages the server has locale files for (GET /locales/index.json). */
  languages: { code: string; name: string }[];
  /** The quick rating offered now (GET /api/surveys/counter-quick). */
  quick?: SurveyDefinition;
  /** The phone page: GET /api/invitation-tokens/<token>, or GET /api/open-links/<unit> on a unit's open link. */
  invitation?: EmbeddedAnswer;
}

/** The kiosk's: the quick rating and the languages. The full questionnaire depends on the tablet's enrolment, which the page holds. */
export function kioskBoot(deps: AppDeps): CitizenBoot {
  return { languages: listLocales(deps.localesDir), quick: deps.surveys.offered(QUICK_SURVEY_ID) };
}

/** The phone page of a QR invitation: what the token is about, as its API answers, and the quick rating when it is still to answer. */
export async function invitationBoot(deps: AppDeps, token: string): Promise<CitizenBoot> {
  const answer = await answerOf(async () => {
    const parsed = tokenParam.safeParse({ token });
    if (!parsed.success) throw new HttpError(400, 'invalid_request', 'not an invitation token');
    const ctx = { db: deps.db, secret: deps.secret, publicUrl: deps.publicUrl };
    return lookupInvitation(ctx, await liveInvitation(ctx, parsed.data.token, deps.clock()));
  });
  // The page asks the quick rating for every invitation it can still answer (its offer screen shows it too).
  const quick = answer.status === 200 ? deps.surveys.offered(QUICK_SURVEY_ID) : undefined;
  return { languages: listLocales(deps.localesDir), quick, invitation: answer };
}

/** A unit's open link: what GET /api/open-links/<unit> answers, and the quick rating. */
export async function openLinkBoot(deps: AppDeps, unit: string): Promise<CitizenBoot> {
  const answer = await answerOf(async () => {
    if (!openLinkUnitParam.safeParse({ unit }).success) throw new HttpError(400, 'invalid_request', 'not a unit code');
    return openLinkAnswer(deps.db, unit);
  });
  const quickId = answer.status === 200 ? (answer.body as { surveys: { quick: string } }).surveys.quick : null;
  return { languages: listLocales(deps.localesDir), quick: quickId ? deps.surveys.offered(quickId) : undefined, invitation: answer };
}

/** 200 with the body, or the refusal's status and error body; anything else is a bug, thrown. */
async function answerOf(read: () => Promise<unknown>): Promise<EmbeddedAnswer> {
  try {
    return { status: 200, body: await read() };
  } catch (e) {
    if (e instanceof HttpError) return { status: e.status, body: { error: { code: e.code, message: e.message } } };
    throw e;
  }
}

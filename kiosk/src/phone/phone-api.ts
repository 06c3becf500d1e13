// The phone page's calls, through the typed client built from the server's own routes (hc), so a
// change of route or body shape breaks the type check instead of the page.
import { hc } from 'hono/client';
import type { Answers } from '../../../survey-defs/check-answers';
import type { SurveyDefinition } from '../../../survey-defs/schema';
import type { AppType } from '../../../server/app';

const client = hc<AppType>('/');

export type Invitation = {
  unit: { code: string; name: Record<string, string> };
  /** null on a unit's open link, which is about the unit alone. */
  procedure: { code: string; name: Record<string, string> } | null;
  official: { name: string } | null;
  /** parts: the group ids of the full questionnaire asked (null or absent, as on a unit's open link: every part). */
  surveys: { quick: string; full: string | null; parts?: string[] | null };
  answered: { quick: boolean; full: boolean };
  expiresAt: string;
};

/** What went wrong, in the words the page shows. */
export type Problem = 'unknown' | 'expired' | 'used' | 'offline' | 'closed' | 'limited';

async function errorCode(res: Response): Promise<string> {
  return errorCodeIn(await res.json().catch(() => null));
}

function errorCodeIn(body: unknown): string {
  return (body as { error?: { code?: string } } | null)?.error?.code ?? '';
}

function problemOf(status: number, code: string): Problem {
  if (code === 'invitation_expired') return 'expired';
  if (code === 'invitation_used') return 'used';
  if (status === 404 || status === 400) return 'unknown';
  return 'offline';
}

export type Found = { ok: true; invitation: Invitation } | { ok: false; problem: Problem };

export async function fetchInvitation(token: string): Promise<Found> {
  try {
    const res = await client.api['invitation-tokens'][':token'].$get({ param: { token } });
    return readInvitation(res.status, await res.json().catch(() => null));
  } catch {
    return { ok: false, problem: 'offline' };
  }
}

/** GET /api/invitation-tokens/<token>'s answer, fetched or embedded in the page by the server. */
export function readInvitation(status: number, body: unknown): Found {
  if (status === 200) return { ok: true, invitation: body as Invitation };
  return { ok: false, problem: problemOf(status, errorCodeIn(body)) };
}

/** No submittedAt: the phone sends at once, and the server's clock is the one to trust. */
export interface OutgoingAnswers {
  id: string;
  surveyId: string;
  surveyVersion: number;
  answers: Answers;
}

/** 201 and 200 (already stored) both mean done; a refusal names the problem. */
export async function sendAnswers(token: string, body: OutgoingAnswers): Promise<{ ok: true } | { ok: false; problem: Problem; retryable: boolean }> {
  try {
    const res = await client.api['invitation-tokens'][':token'].responses.$post({ param: { token }, json: body });
    if (res.ok) return { ok: true };
    // Errors are thrown on the server, so the client's types know only the 2xx statuses.
    const status = res.status as number;
    const code = await errorCode(res);
    // A refusal of the invitation gets its own page; anything else may be tried again.
    if (status === 404 || code === 'invitation_used') return { ok: false, problem: problemOf(status, code), retryable: false };
    return { ok: false, problem: 'offline', retryable: true };
  } catch {
    return { ok: false, problem: 'offline', retryable: true };
  }
}

/** A unit's open link: what it is about, as an invitation would say; 'closed' unless an admin turned it on. */
export async function fetchOpenLink(unit: string): Promise<Found> {
  try {
    const res = await client.api['open-links'][':unit'].$get({ param: { unit } });
    return readOpenLink(res.status, res.ok ? await res.json() : null);
  } catch {
    return { ok: false, problem: 'offline' };
  }
}

/** GET /api/open-links/<unit>'s answer, fetched or embedded in the page by the server. */
export function readOpenLink(status: number, body: unknown): Found {
  if (status !== 200) return { ok: false, problem: status === 404 ? 'closed' : 'offline' };
  const link = body as Pick<Invitation, 'unit' | 'surveys'>;
  return { ok: true, invitation: { ...link, procedure: null, official: null, answered: { quick: false, full: false }, expiresAt: '' } };
}

/** An answer through the open link: the unit's, with this browser's anonymous id for the limits. */
export async function sendOpenAnswers(unit: string, browser: string, body: OutgoingAnswers): Promise<{ ok: true } | { ok: false; problem: Problem; retryable: boolean }> {
  try {
    const res = await client.api.responses.$post({ json: { ...body, unit, browser, channel: 'web' } });
    if (res.ok) return { ok: true };
    const status = res.status as number;
    if (status === 429) return { ok: false, problem: 'limited', retryable: false };
    if (status === 403 || status === 404) return { ok: false, problem: 'closed', retryable: false };
    return { ok: false, problem: 'offline', retryable: true };
  } catch {
    return { ok: false, problem: 'offline', retryable: true };
  }
}

export type CodeResult = { ok: true; token: string } | { ok: false; reason: 'invalid' | 'unknown' | 'tooMany' | 'offline' };

export async function resolveCode(code: string): Promise<CodeResult> {
  try {
    const res = await client.api['invitation-codes'].$post({ json: { code } });
    if (res.ok) return { ok: true, token: (await res.json()).token };
    const status = res.status as number;
    return { ok: false, reason: status === 400 ? 'invalid' : status === 404 ? 'unknown' : status === 429 ? 'tooMany' : 'offline' };
  } catch {
    return { ok: false, reason: 'offline' };
  }
}

export async function fetchSurvey(id: string): Promise<SurveyDefinition> {
  const res = await client.api.surveys[':id'].$get({ param: { id }, query: {} });
  if (!res.ok) throw new Error(`survey ${id}: ${res.status}`);
  return (await res.json()) as SurveyDefinition;
}

// Answers through the open link are limited per address and per browser (an anonymous random id
// the page keeps in localStorage, sent with the answer, never stored with it). Mobile networks in
// Vietnam put many phones behind one address, so the address limit is generous; the browser limit
// is what stops one person filling the form again and again. Counted inside the transaction that
// stores the answer, so only stored answers count and a burst cannot slip past.
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { consumeRateLimit, type RateLimit } from '../repos/rate-limits';
import type { PendingResponse, Refusal } from '../repos/responses';

const HOUR = 3_600_000;

export const OPEN_LINK_LIMITS = {
  /** A visit is a quick rating and perhaps the full questionnaire: two answers. */
  browser: { bucket: 'open-link-browser', limit: 6, windowMs: 24 * HOUR },
  address: { bucket: 'open-link-address', limit: 60, windowMs: HOUR },
} satisfies Record<string, RateLimit>;

export const OPEN_LINK_LIMITED = 'too_many_responses';

/** The storing transaction's check for an open-link answer: refused once a limit is used up. */
export function openLinkGuard(secret: Buffer, browser: string, addressKey: string, now: Date) {
  const browserKey = createHmac('sha256', secret).update(`browser:${browser}`).digest('hex').slice(0, 32);
  return async (trx: Kysely<Database>, _response: PendingResponse): Promise<Refusal | void> => {
    for (const [rule, subject] of [[OPEN_LINK_LIMITS.browser, browserKey], [OPEN_LINK_LIMITS.address, addressKey]] as const) {
      const verdict = await consumeRateLimit(trx, rule, subject, now);
      if (!verdict.allowed) {
        return { code: OPEN_LINK_LIMITED, message: 'Too many answers were sent from here; please try again later', retryAfterSeconds: verdict.retryAfterSeconds };
      }
    }
  };
}

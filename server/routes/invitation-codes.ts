import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { clientAddressKey } from '../client-address';
import { HttpError } from '../http-error';
import { codeHash, invitationToken } from '../invitations/invitation-secrets';
import { invitationUrls } from '../invitations/invitation-view';
import { normaliseShortCode, SHORT_CODE_DIGITS } from '../invitations/short-code';
import { findInvitationByCode } from '../repos/invitations';
import { releaseAttempt, reserveAttempt, type RateLimit } from '../repos/rate-limits';
import { validate } from '../validate';

const FIFTEEN_MINUTES = 15 * 60_000;
/**
 * Wrong codes allowed per address, and from everyone together (a brake on guessing from many
 * addresses), per 15 minutes. With 10^12 codes and 100 000 live invitations one guess hits with
 * odds of 1 in 10 million; a tripped global brake only stops typed codes, never QR scans.
 */
export const CODE_GUESS_LIMITS = {
  address: { bucket: 'code-guess-address', limit: 10, windowMs: FIFTEEN_MINUTES },
  everyone: { bucket: 'code-guess-all', limit: 300, windowMs: FIFTEEN_MINUTES },
} satisfies Record<string, RateLimit>;

export const codeBody = z.object({ code: z.string().min(1).max(40).describe(`The ${SHORT_CODE_DIGITS} digits printed on the slip; spaces and dashes are ignored`) }).strict();
export const codeResolved = z.object({ token: z.string(), url: z.url() });

/** POST /api/invitation-codes: the short code typed on /s, exchanged for the invitation's token. */
export function invitationCodeRoutes(deps: AppDeps) {
  return new Hono().post('/', validate('json', codeBody), async (c) => {
    const code = normaliseShortCode(c.req.valid('json').code);
    if (!code) {
      throw new HttpError(400, 'invalid_request', `The code has ${SHORT_CODE_DIGITS} digits`, [{ path: 'code', code: 'not_a_code', message: `must be ${SHORT_CODE_DIGITS} digits` }]);
    }
    const now = deps.clock();
    const address = clientAddressKey(c, deps);
    const rules = [[CODE_GUESS_LIMITS.address, address], [CODE_GUESS_LIMITS.everyone, '*']] as const;
    const reserved = await reserveAttempt(deps.db, rules, now);
    if (!reserved.ok) {
      c.header('Retry-After', String(reserved.retryAfterSeconds));
      throw new HttpError(429, 'too_many_attempts', 'Too many wrong codes; wait 15 minutes, or scan the QR code');
    }
    const row = await findInvitationByCode(deps.db, codeHash(deps.secret, code));
    if (!row) throw new HttpError(404, 'unknown_code', 'No invitation has this code; check the digits on the slip');
    await releaseAttempt(deps.db, rules, now);
    const token = invitationToken(deps.secret, row.token_salt);
    c.header('Cache-Control', 'no-store');
    return c.json({ token, url: invitationUrls(deps.publicUrl, token).url });
  });
}

// Limits on guessing passwords. An attempt is reserved in the database *before* the slow password
// check, in one transaction, so a burst of parallel guesses cannot all slip past a count that is
// written only afterwards; a sign-in that succeeds gives its reservation back.
//
// An account that has had 10 failed attempts in 15 minutes is locked for the addresses that tried
// it. Its owner, coming from an address that has not tried it in the window, still gets an
// attempt, from a separate allowance of 10 per account: a lock cannot be used to keep the owner
// out, and an account still gets at most 20 password checks per 15 minutes however many
// addresses guess at it.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { consumeRateLimit, releaseRateLimit, type RateLimit } from '../repos/rate-limits';

const FIFTEEN_MINUTES = 15 * 60_000;

export const SIGN_IN_LIMITS = {
  /** Attempts on one account. */
  account: { bucket: 'login-account', limit: 10, windowMs: FIFTEEN_MINUTES },
  /** Attempts on a locked account from addresses that had not tried it. */
  freshAddress: { bucket: 'login-account-fresh', limit: 10, windowMs: FIFTEEN_MINUTES },
  /** Attempts from one address, on any account. */
  address: { bucket: 'login-address', limit: 30, windowMs: FIFTEEN_MINUTES },
  /** Attempts on one account from one address: only counted, to know whether the address tried. */
  pair: { bucket: 'login-pair', limit: Number.MAX_SAFE_INTEGER, windowMs: FIFTEEN_MINUTES },
} satisfies Record<string, RateLimit>;

export type SignInReservation = { ok: true; held: [RateLimit, string][] } | { ok: false; retryAfterSeconds: number };

/** Reserves one password check for `account` from `address` (a keyed hash), or says when to come back. */
export async function reserveSignIn(db: Kysely<Database>, account: string, address: string, now: Date): Promise<SignInReservation> {
  return db.transaction().execute(async (trx) => {
    const consume = async (rule: RateLimit, subject: string) => ({ rule, subject, verdict: await consumeRateLimit(trx, rule, subject, now) });
    const byAddress = await consume(SIGN_IN_LIMITS.address, address);
    if (!byAddress.verdict.allowed) return { ok: false, retryAfterSeconds: byAddress.verdict.retryAfterSeconds };
    const pair = await consume(SIGN_IN_LIMITS.pair, `${account}|${address}`);
    const byAccount = await consume(SIGN_IN_LIMITS.account, account);
    const held: [RateLimit, string][] = [[byAddress.rule, address], [pair.rule, pair.subject]];
    if (byAccount.verdict.allowed) return { ok: true, held: [...held, [byAccount.rule, account]] };
    const firstFromAddress = pair.verdict.allowed && pair.verdict.count === 1;
    if (firstFromAddress) {
      const fresh = await consume(SIGN_IN_LIMITS.freshAddress, account);
      if (fresh.verdict.allowed) return { ok: true, held: [...held, [fresh.rule, account]] };
    }
    return { ok: false, retryAfterSeconds: byAccount.verdict.retryAfterSeconds };
  });
}

/** Gives back the attempts a successful sign-in reserved: only failures count against a limit. */
export async function releaseSignIn(db: Kysely<Database>, reservation: Extract<SignInReservation, { ok: true }>, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [rule, subject] of reservation.held) await releaseRateLimit(trx, rule, subject, now);
  });
}

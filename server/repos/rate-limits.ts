import type { Kysely } from 'kysely';
import type { Database } from '../db/database';

export interface RateLimit {
  /** What is limited, e.g. "login-account". */
  bucket: string;
  limit: number;
  windowMs: number;
}

export type RateVerdict = { allowed: true; remaining: number; count: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against a fixed window kept in the database, so every app server shares
 * the same count. Returns whether the attempt is within the limit.
 */
export async function consumeRateLimit(db: Kysely<Database>, rule: RateLimit, subject: string, now: Date): Promise<RateVerdict> {
  const { key, end } = windowOf(rule, subject, now);
  const row = await db
    .insertInto('rate_limits')
    .values({ key, count: 1, expires_at: end.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ count: eb('rate_limits.count', '+', 1) })))
    .returning('count')
    .executeTakeFirstOrThrow();
  // Now and then, sweep windows that have ended.
  if (Math.random() < 0.02) await db.deleteFrom('rate_limits').where('expires_at', '<', now.toISOString()).execute();
  if (row.count <= rule.limit) return { allowed: true, remaining: rule.limit - row.count, count: row.count };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000)) };
}

/** Takes back one attempt counted in the current window (a reservation that turned out fine). */
export async function releaseRateLimit(db: Kysely<Database>, rule: RateLimit, subject: string, now: Date): Promise<void> {
  await db.updateTable('rate_limits').set((eb) => ({ count: eb('count', '-', 1) })).where('key', '=', windowOf(rule, subject, now).key).where('count', '>', 0).execute();
}

/** How many attempts the current window holds, without counting one. */
export async function peekRateLimit(db: Kysely<Database>, rule: RateLimit, subject: string, now: Date): Promise<number> {
  const row = await db.selectFrom('rate_limits').select('count').where('key', '=', windowOf(rule, subject, now).key).executeTakeFirst();
  return row?.count ?? 0;
}

/** Fixed windows: every server agrees on the window an instant falls in. */
function windowOf(rule: RateLimit, subject: string, now: Date): { key: string; end: Date } {
  const start = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  return { key: `${rule.bucket}:${subject}:${start}`, end: new Date(start + rule.windowMs) };
}

export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

class LimitReached extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('limit reached');
  }
}

/**
 * Counts one attempt against every rule at once, in one transaction, before the attempt is made:
 * parallel requests then cannot all pass a limit that is only written afterwards. When any rule
 * is used up nothing is counted. Give the attempt back with releaseAttempt when it was no guess
 * (a right code), so only misses count.
 */
export async function reserveAttempt(db: Kysely<Database>, rules: readonly (readonly [RateLimit, string])[], now: Date): Promise<Reservation> {
  try {
    await db.transaction().execute(async (trx) => {
      for (const [rule, subject] of rules) {
        const verdict = await consumeRateLimit(trx, rule, subject, now);
        if (!verdict.allowed) throw new LimitReached(verdict.retryAfterSeconds);
      }
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof LimitReached) return { ok: false, retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
}

/** Takes back an attempt reserveAttempt counted. */
export async function releaseAttempt(db: Kysely<Database>, rules: readonly (readonly [RateLimit, string])[], now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [rule, subject] of rules) await releaseRateLimit(trx, rule, subject, now);
  });
}

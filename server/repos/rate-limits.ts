import type { Kysely } from 'kysely';
import type { Database } from '../db/database';

export interface RateLimit {
  /** What is limited, e.g. "login-account". */
  bucket: string;
  limit: number;
  windowMs: number;
}

export type RateVerdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against a fixed window kept in the database, so every app server shares
 * the same count. Returns whether the attempt is within the limit.
 */
export async function consumeRateLimit(db: Kysely<Database>, rule: RateLimit, subject: string, now: Date): Promise<RateVerdict> {
  const start = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  const end = new Date(start + rule.windowMs);
  const key = `${rule.bucket}:${subject}:${start}`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, count: 1, expires_at: end.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ count: eb('rate_limits.count', '+', 1) })))
    .returning('count')
    .executeTakeFirstOrThrow();
  // Now and then, sweep windows that have ended.
  if (Math.random() < 0.02) await db.deleteFrom('rate_limits').where('expires_at', '<', now.toISOString()).execute();
  if (row.count <= rule.limit) return { allowed: true, remaining: rule.limit - row.count };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000)) };
}

/** How many attempts the current window holds, without counting one. */
export async function peekRateLimit(db: Kysely<Database>, rule: RateLimit, subject: string, now: Date): Promise<number> {
  const start = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  const row = await db.selectFrom('rate_limits').select('count').where('key', '=', `${rule.bucket}:${subject}:${start}`).executeTakeFirst();
  return row?.count ?? 0;
}

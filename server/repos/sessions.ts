import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { UserRow } from '../db/tables/users';
import { sha256Hex } from '../util/sha256-hex';

/** A working day at the counter; after that, sign in again. */
export const SESSION_HOURS = 12;

export async function createSession(db: Kysely<Database>, userId: string, now: Date): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: sha256Hex(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

/** The live session for a cookie token, with its (enabled) user; undefined otherwise. */
export async function findSession(db: Kysely<Database>, token: string, now: Date): Promise<{ user: UserRow; csrfToken: string; tokenHash: string } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.token_hash', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString() || row.disabled) return undefined;
  const { csrf_token, token_hash, expires_at: _expires, ...user } = row;
  return { user, csrfToken: csrf_token, tokenHash: token_hash };
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user, except the one whose token hash is `except`. */
export async function deleteUserSessions(db: Kysely<Database>, userId: string, except?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except) q = q.where('token_hash', '!=', except);
  await q.execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}

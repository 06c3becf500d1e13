// Creating and changing staff accounts, shared by the command line and the server. Every change
// is written to the audit log in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { Role, UserRow } from '../db/tables/users';
import { recordAudit } from '../repos/audit-log';
import { findUnit } from '../repos/organisation';
import { deleteUserSessions } from '../repos/sessions';
import { countUsers, findUserByUsername, insertUser, updateUser } from '../repos/users';
import { hashPassword, oneTimePassword } from './password';

export class UserAdminError extends Error {}

export const ROLES: readonly Role[] = ['admin', 'manager', 'viewer'];
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export interface NewUser {
  username: string;
  role: Role;
  unit?: string | null;
  displayName?: string;
}

/** Creates an account with a one-time password, which is returned once and stored only hashed. */
export async function addUser(db: Kysely<Database>, input: NewUser, actor: string, now: Date): Promise<{ user: UserRow; password: string }> {
  const username = input.username.toLowerCase();
  if (!USERNAME.test(username)) throw new UserAdminError('username: 2–40 characters: letters, digits, . _ -');
  if (!ROLES.includes(input.role)) throw new UserAdminError(`role must be one of ${ROLES.join(', ')}`);
  const unit = input.unit ?? null;
  if (input.role !== 'admin' && !unit) throw new UserAdminError('managers and viewers need --unit: the unit whose figures they see');
  if (unit && !(await findUnit(db, unit))) throw new UserAdminError(`no unit with code "${unit}"`);
  if (await findUserByUsername(db, username)) throw new UserAdminError(`user "${username}" exists already`);
  const password = oneTimePassword();
  const user: UserRow = {
    id: randomUUID(),
    username,
    display_name: input.displayName?.trim() || username,
    role: input.role,
    unit_code: input.role === 'admin' ? null : unit,
    password_hash: await hashPassword(password),
    must_change_password: 1,
    disabled: 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await insertUser(trx, user);
    await recordAudit(trx, { actor, action: 'user.add', target: username, details: { role: user.role, unit: user.unit_code } }, now);
  });
  return { user, password };
}

async function existing(db: Kysely<Database>, username: string): Promise<UserRow> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new UserAdminError(`no user "${username}"`);
  return user;
}

/** Disables an account and ends its sessions at once. */
export async function disableUser(db: Kysely<Database>, username: string, actor: string, now: Date): Promise<void> {
  const user = await existing(db, username);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { disabled: 1 }, now);
    await deleteUserSessions(trx, user.id);
    await recordAudit(trx, { actor, action: 'user.disable', target: user.username }, now);
  });
}

/** Issues a new one-time password (and re-enables the account); ends its sessions. */
export async function resetPassword(db: Kysely<Database>, username: string, actor: string, now: Date): Promise<string> {
  const user = await existing(db, username);
  const password = oneTimePassword();
  const password_hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash, must_change_password: 1, disabled: 0 }, now);
    await deleteUserSessions(trx, user.id);
    await recordAudit(trx, { actor, action: 'user.reset-password', target: user.username }, now);
  });
  return password;
}

/**
 * The user's own new password, replacing a one-time one. Every other session of the account ends:
 * whoever knew the old password is signed out. `keepSession` is the token hash of the session
 * that made the change.
 */
export async function changeOwnPassword(db: Kysely<Database>, user: UserRow, next: string, now: Date, keepSession?: string): Promise<void> {
  const password_hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash, must_change_password: 0 }, now);
    await deleteUserSessions(trx, user.id, keepSession);
    await recordAudit(trx, { actor: user.username, action: 'user.change-password', target: user.username }, now);
  });
}

/** On first start with no accounts, creates "admin" and returns its one-time password. */
export async function ensureFirstAdmin(db: Kysely<Database>, now: Date): Promise<string | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const { password } = await addUser(db, { username: 'admin', role: 'admin', displayName: 'Quản trị hệ thống' }, 'system', now);
  return password;
}

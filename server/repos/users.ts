import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { NewUserRow, UserRow } from '../db/tables/users';

export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Kysely<Database>, user: NewUserRow): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Pick<UserRow, 'password_hash' | 'must_change_password' | 'disabled' | 'display_name' | 'role' | 'unit_code'>>,
  now: Date,
): Promise<void> {
  await db.updateTable('users').set({ ...changes, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

/** Public shape of a user: never the password hash. */
export function toStaffUser(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unit: row.unit_code,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
  };
}
export type StaffUser = ReturnType<typeof toStaffUser>;

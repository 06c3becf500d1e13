import type { Insertable, Selectable } from 'kysely';

export type Role = 'admin' | 'manager' | 'viewer';

/** A staff account. Admins see everything; managers and viewers only their unit's subtree. */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  /** The root of what the user may see; null only for admins. */
  unit_code: string | null;
  /** scrypt$N$r$p$salt$hash */
  password_hash: string;
  /** 1 after a one-time password was issued, until the user sets their own. */
  must_change_password: number;
  disabled: number;
  created_at: string;
  updated_at: string;
}
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;

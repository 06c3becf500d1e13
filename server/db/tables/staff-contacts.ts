import type { Generated, Selectable } from 'kysely';

/** How a staff member is reached: alert e-mails and the weekly digest of their units. */
export interface StaffContactsTable {
  user_id: string;
  /** null: no e-mail, so no alert mail and no digest. */
  email: string | null;
  /** 1: send the weekly digest (Monday morning, Vietnam time). */
  weekly_digest: Generated<number>;
  updated_at: string;
}
export type StaffContactRow = Selectable<StaffContactsTable>;

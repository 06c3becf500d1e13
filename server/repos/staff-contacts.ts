import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { UserRow } from '../db/tables/users';

export interface StaffContact {
  email: string | null;
  weeklyDigest: boolean;
}

export async function getStaffContact(db: Kysely<Database>, userId: string): Promise<StaffContact> {
  const row = await db.selectFrom('staff_contacts').select(['email', 'weekly_digest']).where('user_id', '=', userId).executeTakeFirst();
  return { email: row?.email ?? null, weeklyDigest: row ? row.weekly_digest === 1 : true };
}

export async function saveStaffContact(db: Kysely<Database>, userId: string, contact: StaffContact, now: Date): Promise<void> {
  const values = { email: contact.email, weekly_digest: contact.weeklyDigest ? 1 : 0, updated_at: now.toISOString() };
  await db
    .insertInto('staff_contacts')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

/** Active accounts that have an e-mail address, with their settings. */
export async function listReachableStaff(db: Kysely<Database>): Promise<(UserRow & { email: string; weekly_digest: number })[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('staff_contacts', 'staff_contacts.user_id', 'users.id')
    .selectAll('users')
    .select(['staff_contacts.email', 'staff_contacts.weekly_digest'])
    .where('users.disabled', '=', 0)
    .where('staff_contacts.email', 'is not', null)
    .orderBy('users.username')
    .execute();
  return rows.map((r) => ({ ...r, email: r.email! }));
}

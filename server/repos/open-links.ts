import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { OpenLinkRow } from '../db/tables/open-links';

/** Whether the unit's open link is on (off for every unit until an admin turns it on). */
export async function isOpenLinkOn(db: Kysely<Database>, unit: string): Promise<boolean> {
  const row = await db.selectFrom('open_links').select('enabled').where('unit_code', '=', unit).executeTakeFirst();
  return row?.enabled === 1;
}

export async function listOpenLinks(db: Kysely<Database>): Promise<OpenLinkRow[]> {
  return db.selectFrom('open_links').selectAll().orderBy('unit_code').execute();
}

/** Turns a unit's open link on or off; call inside the transaction that audits it. */
export async function setOpenLink(db: Kysely<Database>, unit: string, enabled: boolean, actor: string, now: Date): Promise<void> {
  const row = { unit_code: unit, enabled: enabled ? 1 : 0, updated_by: actor, updated_at: now.toISOString() };
  await db
    .insertInto('open_links')
    .values(row)
    .onConflict((oc) => oc.column('unit_code').doUpdateSet({ enabled: row.enabled, updated_by: actor, updated_at: row.updated_at }))
    .execute();
}

import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Which questionnaire and which of its parts (groups) are asked, set on a unit (inherited by the
// units below it), on a kiosk device (overriding its unit's) and on an invitation (fixed when it
// is issued). survey_id null: inherit; survey_parts a JSON array of group ids, null: every part.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['units', 'kiosk_devices']) {
    await db.schema.alterTable(table).addColumn('survey_id', 'text').execute();
    await db.schema.alterTable(table).addColumn('survey_parts', 'text').execute();
  }
  await db.schema.alterTable('invitations').addColumn('survey_parts', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').dropColumn('survey_parts').execute();
  for (const table of ['kiosk_devices', 'units']) {
    await db.schema.alterTable(table).dropColumn('survey_parts').execute();
    await db.schema.alterTable(table).dropColumn('survey_id').execute();
  }
}

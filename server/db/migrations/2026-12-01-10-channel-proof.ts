import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // How a response proved the channel it claims: device, invitation, staff, import, seed, open
  // (the open link: unverified) or none (claimed without proof). '' marks rows stored before
  // this column; the server classifies them once at start (server/responses/classify-legacy.ts),
  // moving their aggregate counts in the same transaction, which SQL alone cannot do.
  await db.schema.alterTable('responses').addColumn('proof', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.createIndex('responses_unclassified').on('responses').column('id').where(sql.ref('proof'), '=', '').execute();

  // Units whose open link (a survey address anyone may use, e.g. on the agency's site) is on.
  await db.schema
    .createTable('open_links')
    .addColumn('unit_code', 'text', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('open_links').execute();
  await db.schema.dropIndex('responses_unclassified').execute();
  await db.schema.alterTable('responses').dropColumn('proof').execute();
}

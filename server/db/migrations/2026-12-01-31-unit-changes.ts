import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Moves and merges of units, each from a date, so a past period rolls up through the structure it
// had (the units table holds only today's tree). Rows are never deleted.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_parent', 'text')
    .addColumn('to_parent', 'text')
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('unit_changes_unit').on('unit_changes').columns(['unit_code', 'effective_from']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit_changes').execute();
}

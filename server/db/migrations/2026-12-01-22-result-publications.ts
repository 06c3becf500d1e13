import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The units whose results an admin chose to publish at /ket-qua. No foreign key, as for
// responses: a unit's reorganisation must not silently take its publication with it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('result_publications')
    .addColumn('unit_code', 'text', (c) => c.primaryKey())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('result_publications').execute();
}

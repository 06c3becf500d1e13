import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// How long raw responses and texts are kept (one row; none: keep), and one row per day the
// expiry ran, claimed by the first app server to insert it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('retention_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('response_days', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('retention_runs')
    .addColumn('run_date', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('retention_runs').execute();
  await db.schema.dropTable('retention_settings').execute();
}

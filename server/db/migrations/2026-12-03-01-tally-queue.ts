import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The answers stored but not yet added to the tallies (server/tallies/fold-tallies.ts): the
// submit transaction writes one small row here instead of merging into the hot tally rows, and a
// fold adds many at once and deletes them. Each row carries what its response adds, so a fold
// reads nothing else and a purged response still counts.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('tally_queue')
    .addColumn('response_id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('official_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .$call((b) => (postgres ? b : b.modifyEnd(sql`without rowid`)))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tally_queue').execute();
}

import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The tally queue kept in the order its rows came, under a number of their own, instead of
// clustered by response id. An id is random: each batch's rows landed on pages all over the
// queue, and the fold deleted them from all over again, so a commit wrote many more pages to
// SQLite's log than the rows filled. In order, a batch appends to the last page and a fold takes
// from the first. The rows already queued keep their turn (in id order, as they were folded).
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  // SQLite: an INTEGER PRIMARY KEY is the rowid, one more than the largest.
  await moveQueue(db, (b) => b.addColumn('seq', postgres ? 'bigserial' : 'integer', (c) => c.primaryKey()).addColumn('response_id', 'text', (c) => c.notNull()), (b) => b);
}

/** Back to the queue clustered by response id (2026-12-03-01-tally-queue). */
export async function down(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  await moveQueue(db, (b) => b.addColumn('response_id', 'text', (c) => c.primaryKey()), (b) => (postgres ? b : b.modifyEnd(sql`without rowid`)));
}

type TableBuilder = CreateTableBuilder<string, never>;

/** The queue's rows, in their turn, moved to a table whose first columns `key` makes. */
async function moveQueue(db: Kysely<any>, key: (b: TableBuilder) => TableBuilder, end: (b: TableBuilder) => TableBuilder): Promise<void> {
  await key(db.schema.createTable('tally_queue_moved'))
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('official_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .$call(end)
    .execute();
  const columns = sql.raw('response_id, survey_id, local_date, unit_code, procedure_code, official_code, channel, flagged, answers');
  await sql`insert into tally_queue_moved (${columns}) select ${columns} from tally_queue order by response_id`.execute(db);
  await db.schema.dropTable('tally_queue').execute();
  await db.schema.alterTable('tally_queue_moved').renameTo('tally_queue').execute();
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// PostgreSQL: the tallies' counts compressed with lz4 rather than pglz. A busy tally row's counts
// are a few kilobytes of jsonb, compressed again each time a fold rewrites the row; pglz's
// compression was the largest single function of PostgreSQL's CPU under the submit benchmark
// (tests/bench/NOTES.md). Rows already stored keep their compression until rewritten; both
// forms read alike. A server built without lz4 keeps pglz. SQLite stores the counts as text.
const TABLES = ['answer_tallies', 'answer_tallies_monthly'];

export async function up(db: Kysely<any>): Promise<void> {
  if (!(await lz4Available(db))) return;
  for (const table of TABLES) await sql.raw(`alter table ${table} alter column counts set compression lz4`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(await lz4Available(db))) return;
  for (const table of TABLES) await sql.raw(`alter table ${table} alter column counts set compression default`).execute(db);
}

async function lz4Available(db: Kysely<any>): Promise<boolean> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return false;
  const { rows } = await sql<{ lz4: boolean }>`select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(db);
  return rows[0]?.lz4 === true;
}

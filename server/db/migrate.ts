import { Migrator, sql, type Kysely } from 'kysely';
import type { Database } from './database';
import { migrations } from './migrations/index';

/** Brings the schema up to date; throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Kysely looks for its bookkeeping tables in every schema unless told which one: with several
    // schemas in one PostgreSQL database it would find another's and skip creating its own.
    ...(dialect === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
    // Features are built in parallel, each with its own number range: a database may already have
    // run a later-numbered migration when an earlier-numbered one arrives. Each stands alone.
    allowUnorderedMigrations: true,
  });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely lists the tables of every schema; one dropped at that moment (parallel tests share a
  // database) fails the listing before anything is migrated: list again. The failure names the
  // vanished schema, or one of its tables when the drop lands between the catalogue's rows and
  // Kysely's look-up of a table's sequences (seen: relation "t_….digest_sends" does not exist).
  for (let retry = 0; retry < 3 && error && !results?.length && schemaVanished(error); retry++) {
    ({ error, results } = await migrator.migrateToLatest());
  }
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '(setup)'} failed: ${cause}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]!.schema;
}

const schemaVanished = (error: unknown) => ['3F000', '42P01'].includes((error as { code?: string }).code ?? ''); // invalid_schema_name, undefined_table

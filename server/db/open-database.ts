// Opens SQLite (the embedded default for one office) or PostgreSQL (many app servers) behind the
// same Kysely interface. Everything above this file is dialect-blind.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { createRequire } from 'node:module';
import type pg from 'pg';
import type { Database } from './database';
import { namingClient, StatementNames } from './prepared-statements';
import { markReadOnly } from './read-only';
import { kyselySqliteDatabase } from './sqlite-connection';
import { sqliteReader } from './sqlite-reader';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string; /** FULL unless measuring what durability costs. */ synchronous?: 'FULL' | 'NORMAL' }
  | { dialect: 'postgres'; url: string; schema?: string };

export interface DatabaseHandle {
  dialect: DatabaseConfig['dialect'];
  /** Writes and short reads. */
  db: Kysely<Database>;
  /** Long reads (exports) on a separate connection, so they never hold up a submission. */
  reader: Kysely<Database>;
  /** SQLite only: the raw connection, for the online backup API. */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

/** DATABASE_URL: unset → the default file; `sqlite:/path/file.db`; `postgres://…`. */
export function parseDatabaseUrl(url: string | undefined, defaultFile: string): DatabaseConfig {
  if (!url) return { dialect: 'sqlite', file: defaultFile };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new Error('DATABASE_URL sqlite: needs a file path, e.g. sqlite:/var/lib/sipas/sipas.db');
    return { dialect: 'sqlite', file };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`);
}

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  return config.dialect === 'sqlite' ? openSqlite(config.file, config.synchronous ?? 'FULL') : openPostgres(config.url, config.schema);
}

function openSqlite(file: string, synchronous: 'FULL' | 'NORMAL'): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a response is on disk before it is acknowledged; group commit keeps this cheap.
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  // A statement that may fail after changing some rows (a batch's multi-row insert, the fold's
  // upserts) keeps a journal of the pages it changed, to undo just itself; past 64 KB SQLite moved
  // that journal to a temporary file, which was 40 % of the bytes a submission wrote (27 KB an
  // answer, 15 KB kept in memory; tests/bench/NOTES.md). This connection runs no large sort
  // that would also live in memory: long reads (exports) go to the reader, which keeps the default.
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: kyselySqliteDatabase(sqlite) }) });
  // In WAL mode a reader sees a consistent snapshot and never blocks the writer. Its statements
  // run on a thread of their own (sqlite-reader.ts): a long read never holds up a request.
  const reader = file === ':memory:' ? db : markReadOnly(sqliteReader<Database>(file));
  return {
    dialect: 'sqlite',
    db,
    reader,
    sqlite,
    async close() {
      if (reader !== db) await reader.destroy();
      await db.destroy();
    },
  };
}

let postgresDriver: typeof pg | undefined;

/** pg, loaded the first time PostgreSQL is opened: a SQLite office never needs it (about 5 MB). */
function loadPg(): typeof pg {
  if (postgresDriver) return postgresDriver;
  const driver = createRequire(import.meta.url)('pg') as typeof pg;
  // pg returns 64-bit integers and numerics as strings; our counts fit comfortably in a double.
  driver.types.setTypeParser(driver.types.builtins.INT8, (v) => Number(v));
  driver.types.setTypeParser(driver.types.builtins.NUMERIC, (v) => Number(v));
  return (postgresDriver = driver);
}

function openPostgres(url: string, schema?: string): DatabaseHandle {
  const driver = loadPg();
  const pool = new driver.Pool({
    Client: namingClient(driver, new StatementNames()),
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    db,
    reader: db,
    async close() {
      await db.destroy();
    },
  };
}

import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

const CACHED_STATEMENTS = 256;

/**
 * better-sqlite3 as Kysely sees it, with two changes. Prepared statements are reused (Kysely
 * prepares every query afresh, which costs more than running it). And transactions begin
 * IMMEDIATE: they take the write lock at the start, so another process writing the same file (the
 * CLI importing while the server runs) makes them wait for busy_timeout instead of failing.
 */
export function kyselySqliteDatabase(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql); // keep the most recently used last
      } else {
        statement = sqlite.prepare(sql === 'begin' ? 'begin immediate' : sql);
        if (statements.size >= CACHED_STATEMENTS) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

import type { Kysely } from 'kysely';

/** The handles that may only read (SQLite's second, read-only connection). */
const readOnly = new WeakSet<Kysely<any>>();

export function markReadOnly<T>(db: Kysely<T>): Kysely<T> {
  readOnly.add(db);
  return db;
}

export function isReadOnly(db: Kysely<any>): boolean {
  return readOnly.has(db);
}

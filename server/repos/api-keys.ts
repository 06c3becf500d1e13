import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { ApiKeyRow, NewApiKeyRow } from '../db/tables/api-keys';

export async function insertApiKey(db: Kysely<Database>, row: NewApiKeyRow): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

export async function findApiKeyByHash(db: Kysely<Database>, keyHash: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
}

/** By id, or by the printed prefix when exactly one key has it. */
export async function findApiKey(db: Kysely<Database>, idOrPrefix: string): Promise<ApiKeyRow | undefined> {
  const byId = await db.selectFrom('api_keys').selectAll().where('id', '=', idOrPrefix).executeTakeFirst();
  if (byId) return byId;
  const byPrefix = await db.selectFrom('api_keys').selectAll().where('key_prefix', '=', idOrPrefix).limit(2).execute();
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function markApiKeyRevoked(db: Kysely<Database>, id: string, by: string, now: Date): Promise<void> {
  await db.updateTable('api_keys').set({ revoked_at: now.toISOString(), revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Public shape of a key: never its hash. */
export function toApiKeyView(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.key_prefix,
    units: JSON.parse(row.units) as string[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}
export type ApiKeyView = ReturnType<typeof toApiKeyView>;

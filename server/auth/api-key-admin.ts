// Issuing and revoking the API keys of integrated one-stop systems, shared by the command line and
// the staff API. A key is shown once; only its SHA-256 is kept. Every change is audited.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { ApiKeyRow } from '../db/tables/api-keys';
import { findApiKey, insertApiKey, markApiKeyRevoked } from '../repos/api-keys';
import { recordAudit } from '../repos/audit-log';
import { listUnits } from '../repos/organisation';
import { sha256Hex } from '../util/sha256-hex';

export class ApiKeyAdminError extends Error {
  constructor(
    message: string,
    readonly kind: 'invalid' | 'not_found' = 'invalid',
  ) {
    super(message);
  }
}

const KEY_PREFIX = 'sipas_';

export function apiKeyHash(key: string): string {
  return sha256Hex(key);
}

/** Looks like one of our keys (so a stray Authorization header gets a clear error). */
export function isApiKeyShaped(key: string): boolean {
  return key.startsWith(KEY_PREFIX) && key.length === KEY_PREFIX.length + 43;
}

/** Creates a key for the given units (and the units below them); returns it once. */
export async function addApiKey(db: Kysely<Database>, input: { name: string; units: readonly string[] }, actor: string, now: Date): Promise<{ row: ApiKeyRow; key: string }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new ApiKeyAdminError('name: 1–100 characters');
  const units = [...new Set(input.units)];
  if (!units.length) throw new ApiKeyAdminError('a key needs at least one unit');
  const known = new Set((await listUnits(db)).map((u) => u.code));
  const unknown = units.filter((u) => !known.has(u));
  if (unknown.length) throw new ApiKeyAdminError(`no unit with code ${unknown.map((u) => `"${u}"`).join(', ')}`);
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row: ApiKeyRow = {
    id: randomUUID(),
    name,
    key_hash: apiKeyHash(key),
    key_prefix: key.slice(0, KEY_PREFIX.length + 6),
    units: JSON.stringify(units),
    created_by: actor,
    created_at: now.toISOString(),
    revoked_at: null,
    revoked_by: null,
  };
  await db.transaction().execute(async (trx) => {
    await insertApiKey(trx, row);
    await recordAudit(trx, { actor, action: 'api-key.add', target: row.key_prefix, details: { id: row.id, name, units } }, now);
  });
  return { row, key };
}

/** Revokes a key (by id or printed prefix); it stops working at once. */
export async function revokeApiKey(db: Kysely<Database>, idOrPrefix: string, actor: string, now: Date): Promise<ApiKeyRow> {
  const row = await findApiKey(db, idOrPrefix);
  if (!row) throw new ApiKeyAdminError(`no API key "${idOrPrefix}"`, 'not_found');
  if (row.revoked_at) throw new ApiKeyAdminError(`the key ${row.key_prefix} was revoked already`);
  await db.transaction().execute(async (trx) => {
    await markApiKeyRevoked(trx, row.id, actor, now);
    await recordAudit(trx, { actor, action: 'api-key.revoke', target: row.key_prefix, details: { id: row.id, name: row.name } }, now);
  });
  return { ...row, revoked_at: now.toISOString(), revoked_by: actor };
}

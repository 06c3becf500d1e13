// The server secret keys the HMACs (dossier numbers, addresses in rate limits). It is kept out
// of the database on purpose: a copy of the database alone cannot link anything back to a person.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * SIPAS_SECRET (hex or base64, at least 32 bytes) when set, which several app servers must share;
 * otherwise the file, created with a fresh random secret on first start.
 */
export function loadSecret(fromEnv: string | undefined, file: string): Buffer {
  if (fromEnv) {
    const bytes = /^[0-9a-f]+$/i.test(fromEnv) ? Buffer.from(fromEnv, 'hex') : Buffer.from(fromEnv, 'base64');
    if (bytes.length < 32) throw new Error('SIPAS_SECRET must hold at least 32 bytes (64 hex characters)');
    return bytes;
  }
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

// The public page is read by anyone and changes slowly: its figures are kept for a minute per
// app server (each server's own copy; a publication made on one server shows on the others
// within the minute). One cache per database, so test apps never share one.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { PublicResults } from './public-results';

export const RESULTS_TTL_MS = 60_000;

interface Entry {
  at: number;
  value: Promise<PublicResults>;
}

const caches = new WeakMap<Kysely<Database>, Map<string, Entry>>();

/** The cached figures for `key`, computed again once they are older than the TTL (or failed). */
export function cachedResults(db: Kysely<Database>, key: string, now: Date, compute: () => Promise<PublicResults>): Promise<PublicResults> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && now.getTime() - hit.at < RESULTS_TTL_MS && now.getTime() >= hit.at) return hit.value;
  const value = compute();
  cache.set(key, { at: now.getTime(), value });
  value.catch(() => cache.delete(key));
  return value;
}

/** Forgets the figures (after a unit is published or withdrawn on this server). */
export function clearResults(db: Kysely<Database>): void {
  caches.delete(db);
}

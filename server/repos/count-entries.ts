// A tally row's counts as two arrays, answer keys and their counts, with the SQLite rows' parses
// kept for next time. Reading the scores by procedure for a whole organisation at a million
// responses parses 1,869 monthly rows, 4.9 MB of JSON, and the parse was most of that request's
// time (see the README). Past months' rows hardly ever change, so the same texts come back on
// every view; the cache is keyed by the exact text, so a row that changed is simply parsed again.

/** Answer keys (`<question id>:<value>`) and their counts, at the same index. Never modified. */
export interface CountEntries {
  readonly keys: readonly string[];
  readonly values: readonly number[];
}

/** What the server keeps: enough for the largest breakdown measured, with room to spare. */
const DEFAULT_CAPACITY_CHARS = 8 * 1024 * 1024;

/**
 * A least-recently-used map from a row's JSON text to its entries, holding texts of at most
 * `capacityChars` characters in all (each entry costs about as much again as its text).
 */
export function countEntriesCache(capacityChars = DEFAULT_CAPACITY_CHARS) {
  const parsed = new Map<string, CountEntries>();
  let chars = 0;
  return function countEntries(counts: string | Record<string, number>): CountEntries {
    // PostgreSQL's driver has parsed jsonb already.
    if (typeof counts !== 'string') return entriesOf(counts);
    const known = parsed.get(counts);
    if (known) {
      // Most recently used last: Map keeps insertion order.
      parsed.delete(counts);
      parsed.set(counts, known);
      return known;
    }
    const entries = entriesOf(JSON.parse(counts) as Record<string, number>);
    if (counts.length > capacityChars) return entries;
    parsed.set(counts, entries);
    chars += counts.length;
    for (const [text] of parsed) {
      if (chars <= capacityChars) break;
      parsed.delete(text);
      chars -= text.length;
    }
    return entries;
  };
}

function entriesOf(counts: Record<string, number>): CountEntries {
  const keys: string[] = [];
  const values: number[] = [];
  for (const k in counts) {
    keys.push(k);
    values.push(Number(counts[k]));
  }
  return { keys, values };
}

/** The server's cache, shared by every read of the tallies. */
export const countEntries = countEntriesCache();

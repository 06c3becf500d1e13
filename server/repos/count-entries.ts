// A tally row's counts as two arrays, answer keys and their counts, with the SQLite rows' parses
// kept for next time. Reading the scores by procedure for a whole organisation at a million
// responses parses 1,869 monthly rows, 4.9 MB of JSON, and the parse was most of that request's
// time (see tests/bench/NOTES.md). Past months' rows hardly ever change, so the same texts come
// back on every view; the cache is keyed by the exact text, so a row that changed is simply
// parsed again.

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
    const entries = entriesOfText(counts);
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

/**
 * A counts text read as JSON.parse would, but without building the object: a monthly row holds
 * a hundred-odd keys, and an object of that many properties cost twice the time of reading the
 * text directly (tests/bench/NOTES.md). The direct reading takes only the form SQLite and
 * JSON.stringify write, `{"key":integer,…}` without spaces or escapes; anything else goes to
 * JSON.parse, so either way the entries are JSON.parse's, in its order.
 */
export function entriesOfText(text: string): CountEntries {
  return plainEntries(text) ?? entriesOf(JSON.parse(text) as Record<string, number>);
}

const code = (c: string) => c.charCodeAt(0);
const [QUOTE, COMMA, MINUS, COLON, OPEN, CLOSE, ZERO, NINE] = [code('"'), code(','), code('-'), code(':'), code('{'), code('}'), code('0'), code('9')];
/** An escape, or a control character JSON.parse refuses: the text is left to it. */
const NOT_PLAIN = /[\\\u0000-\u001f]/;
/** More digits than a double holds exactly: left to JSON.parse's rounding. */
const MAX_DIGITS = 15;

function plainEntries(text: string): CountEntries | undefined {
  if (text.charCodeAt(0) !== OPEN || NOT_PLAIN.test(text)) return undefined;
  const keys: string[] = [];
  const values: number[] = [];
  if (text.charCodeAt(1) === CLOSE) return text.length === 2 ? { keys, values } : undefined;
  const row = ++rowsRead;
  for (let at = 1; ; ) {
    if (text.charCodeAt(at) !== QUOTE) return undefined;
    const end = text.indexOf('"', at + 1);
    if (end < 0 || text.charCodeAt(end + 1) !== COLON) return undefined;
    // JSON.parse puts a key that reads as an array index before the others.
    const first = text.charCodeAt(at + 1);
    if (first >= ZERO && first <= NINE) return undefined;
    const key = keyOnce(text.slice(at + 1, end), row);
    if (key === undefined) return undefined;
    let i = end + 2;
    const negative = text.charCodeAt(i) === MINUS;
    if (negative) i++;
    const digitsFrom = i;
    let n = 0;
    for (let c = text.charCodeAt(i); c >= ZERO && c <= NINE; c = text.charCodeAt(++i)) n = n * 10 + (c - ZERO);
    const digits = i - digitsFrom;
    if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && text.charCodeAt(digitsFrom) === ZERO)) return undefined;
    keys.push(key);
    values.push(negative ? -n : n);
    const next = text.charCodeAt(i);
    if (next === CLOSE) return i === text.length - 1 ? { keys, values } : undefined;
    if (next !== COMMA) return undefined;
    at = i + 1;
  }
}

/**
 * Every answer key read, kept once: the scores sum the counts of many rows by key, and one string
 * for all the rows is found in a Map at once, where a fresh copy is hashed and compared anew.
 * Each remembers the last row it was read in: a key twice in one row (JSON.parse keeps the last)
 * sends the row to JSON.parse. Answer keys are few (questions × options); the bound is a guard.
 */
const answerKeys = new Map<string, { key: string; row: number }>();
const MAX_ANSWER_KEYS = 100_000;
let rowsRead = 0;

function keyOnce(key: string, row: number): string | undefined {
  let known = answerKeys.get(key);
  if (!known) {
    if (answerKeys.size >= MAX_ANSWER_KEYS) return undefined;
    // A copy: the slice would keep the whole row's text alive as long as the key is known.
    answerKeys.set(key, (known = { key: JSON.parse(JSON.stringify(key)) as string, row: 0 }));
  }
  if (known.row === row) return undefined;
  known.row = row;
  return known.key;
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

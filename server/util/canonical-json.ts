/**
 * JSON with object keys sorted at every level, so equal content always gives equal text. Every
 * stored content hash (a resend is told from a conflict by it) was made from this text, so its
 * form is fixed: it is exactly `JSON.stringify` of a copy whose keys were inserted in sorted
 * order. Such a copy lists the keys that are array indexes ("0", "7", "12") first, in numeric
 * order, and the others after them in sorted order; it keeps no `toJSON` (a Date is `{}`).
 * The text is written directly, without the copies, on every answer's hot path;
 * tests/unit/canonical-json.test.ts holds the copying form and compares the two on any value.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

/** The text of a value, or undefined where JSON.stringify leaves the value out. */
function write(value: unknown): string | undefined {
  // The common leaves are written without calling JSON.stringify, to the same text: an answer's
  // hash text then takes about two thirds of the time (3.7 against 5.8 µs, tests/bench/NOTES.md).
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      break;
    default:
      return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + (write(value[i]) ?? 'null');
    return `${text}]`;
  }
  const object = value as Record<string, unknown>;
  let text = '{';
  for (const key of sortedKeys(object)) {
    const item = write(object[key]);
    if (item !== undefined) text += (text.length > 1 ? ',' : '') + quoted(key) + ':' + item;
  }
  return `${text}}`;
}

function sortedKeys(object: object): string[] {
  const keys = Object.keys(object).sort();
  if (!keys.some(isArrayIndex)) return keys;
  const indexes = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...keys.filter((k) => !isArrayIndex(k))];
}

/** Text JSON writes as it is, between quotes: no quote, backslash, control character or surrogate. */
const PLAIN_TEXT = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

function quoted(text: string): string {
  return PLAIN_TEXT.test(text) ? `"${text}"` : JSON.stringify(text);
}

/** A key an object keeps ahead of the others, in numeric order: an integer 0 … 2³² − 2 written plainly. */
function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4_294_967_295;
}

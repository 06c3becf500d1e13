// Every stored response carries the hash of its canonical JSON, and a resend is a replay only if
// its hash is the same: the text must never change form, or answers sent again after an upgrade
// would be refused as conflicts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../server/util/canonical-json';

/** The form every hash stored so far was made with: JSON.stringify of sorted copies. */
function copyingCanonicalJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value));
}

function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortedCopy((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

// Any UTF-16 text, lone surrogates, control characters, quotes and backslashes included: JSON
// escapes these, and the canonical form writes plain text without asking JSON.stringify.
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const text = fc.oneof(fc.string(), fc.string({ unit: anyCodeUnit }), fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u001f', '\u007f', '\u2028', '\ud83d', '\ude00', 'ệ', 'a') }));

// Keys that objects order in their own way: array indexes, numbers that are not, and the rest.
const key = fc.oneof(
  text.map((k) => k.slice(0, 6)),
  fc.nat({ max: 300 }).map(String),
  fc.constantFrom('0', '01', '-1', '1.5', '4294967294', '4294967295', '99999999999', '__proto__', 'constructor', 'é', 'Z', 'a'),
);
const leaf = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map((entries) => {
    const object: Record<string, unknown> = {};
    for (const [k, v] of entries) Object.defineProperty(object, k, { value: v, enumerable: true, writable: true, configurable: true });
    return object;
  }),
}));

describe('canonical JSON', () => {
  it('sorts keys at every level, array indexes first in numeric order, and leaves out what JSON leaves out', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }, undefined], 10: true, 9: false, '01': 0 })).toBe('{"9":false,"10":true,"01":0,"a":[{"c":"x"},null],"b":1}');
    expect(canonicalJson({ when: new Date(0), n: Number.NaN })).toBe('{"n":null,"when":{}}');
  });

  it('writes exactly the text every stored hash was made from, for any value', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(copyingCanonicalJson(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same text for the same content whatever order its keys came in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 3 })), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
    );
  });
});

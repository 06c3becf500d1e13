import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countEntriesCache, type CountEntries } from '../../server/repos/count-entries';

const pairs = (e: CountEntries) => e.keys.map((k, i) => [k, e.values[i]]);

// A tally row's counts as stored: answer keys and non-zero counts.
const counts = fc.dictionary(
  fc.tuple(fc.constantFrom('q_access', 'q_staff', 'q_time', 'choice'), fc.string({ minLength: 1, maxLength: 6 })).map(([q, v]) => `${q}:${v}`),
  fc.integer({ min: -50, max: 5000 }).filter((n) => n !== 0),
  { maxKeys: 30 },
);

describe('a tally row\'s counts read through the parse cache', () => {
  it('gives every key with its count, the same whether parsed now, remembered or already an object', () => {
    const countEntries = countEntriesCache();
    fc.assert(
      fc.property(counts, (row) => {
        const text = JSON.stringify(row);
        const expected = Object.entries(row);
        expect(pairs(countEntries(text))).toEqual(expected);
        expect(pairs(countEntries(text))).toEqual(expected);
        expect(pairs(countEntries(row))).toEqual(expected);
      }),
    );
  });

  it('never answers a changed row with its old counts, however small the cache and in whatever order rows come', () => {
    fc.assert(
      fc.property(fc.array(counts, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 60 }), fc.integer({ min: 0, max: 400 }), (rows, reads, capacity) => {
        const countEntries = countEntriesCache(capacity);
        for (const r of reads) {
          const row = rows[r % rows.length]!;
          expect(pairs(countEntries(JSON.stringify(row)))).toEqual(Object.entries(row));
        }
      }),
    );
  });

  it('reads any text as JSON.parse does, whether in the plain form SQLite writes or not', () => {
    const countEntries = countEntriesCache();
    const anyKey = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('7', '12', '0:1', '__proto__', 'q"x', 'q\\y', 'a\u0001b'));
    const anyCount = fc.oneof(fc.integer(), fc.constantFrom(0, -0, 2 ** 53, 2 ** 53 + 2, 1e21, 123456789012345678, 1.5, -2.25));
    fc.assert(
      fc.property(fc.dictionary(anyKey, anyCount, { maxKeys: 12 }), (row) => {
        const text = JSON.stringify(row);
        expect(pairs(countEntries(text))).toEqual(Object.entries(JSON.parse(text) as Record<string, number>));
      }),
    );
  });

  it('keeps JSON.parse\'s answer for the texts the plain reading leaves to it, and its refusal of what is not JSON', () => {
    const countEntries = countEntriesCache();
    const read = (text: string) => pairs(countEntries(text));
    expect(read('{"a:1":1,"b:2":2,"a:1":5}')).toEqual([['a:1', 5], ['b:2', 2]]); // a key twice: the last
    expect(read('{ "a:1" : 3 }')).toEqual([['a:1', 3]]);
    expect(read('{"b:1":1,"2":4}')).toEqual([['2', 4], ['b:1', 1]]); // an index-like key first
    expect(read('{"a:1":1e3,"b:1":-7,"c:1":2.5}')).toEqual([['a:1', 1000], ['b:1', -7], ['c:1', 2.5]]);
    expect(read('{"a:1":7425745632575572186}')).toEqual([['a:1', 7425745632575572186]]); // rounded once, as JSON.parse does
    expect(read('{}')).toEqual([]);
    for (const broken of ['{"a:1":01}', '{"a:1":1}x', '{"a:1":1,}', '{"a:1":}', '{"a:1" 1}', '{"a\u0001:1":1}', '{"a:1":1', '']) {
      expect(() => countEntries(broken), broken).toThrow(SyntaxError);
    }
  });

  it('remembers a row it has room for, and lets the least recently read go first', () => {
    const text = (n: number) => JSON.stringify({ 'q:1': n });
    const countEntries = countEntriesCache(text(1).length * 2);
    const one = countEntries(text(1));
    const two = countEntries(text(2));
    expect(countEntries(text(1))).toBe(one); // remembered, and now the most recently read
    countEntries(text(3)); // no room for three: the second goes
    expect(countEntries(text(1))).toBe(one);
    expect(countEntries(text(2))).not.toBe(two);
    expect(pairs(countEntries(text(2)))).toEqual([['q:1', 2]]);
  });
});

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

import { describe, expect, it } from 'vitest';
import { addCount, emptyTally, type Tally } from '../../server/scoring/tally';
import { rollUpUnits } from '../../server/scoring/unit-rollup';

const units = [
  { code: 'BQL', parent_code: null },
  { code: 'VP', parent_code: 'BQL' },
  { code: 'MC', parent_code: 'VP' },
  { code: 'MC-Q1', parent_code: 'MC' },
  { code: 'MC-Q2', parent_code: 'MC' },
  { code: 'TTCK', parent_code: 'BQL' },
];
const responses = (n: number): Tally => {
  const t = emptyTally();
  addCount(t, '*', '', n);
  addCount(t, 'off_polite', '5', n);
  return t;
};

describe('rollUpUnits', () => {
  it('sums each unit with everything below it, in tree order', () => {
    const byUnit = new Map([['MC', responses(1)], ['MC-Q1', responses(2)], ['MC-Q2', responses(4)], ['TTCK', responses(8)]]);
    const rows = rollUpUnits(units, null, byUnit).map((r) => [r.code, r.depth, r.tally.responses]);
    expect(rows).toEqual([['BQL', 0, 15], ['VP', 1, 7], ['MC', 2, 7], ['MC-Q1', 3, 2], ['MC-Q2', 3, 4], ['TTCK', 1, 8]]);
    const mc = rollUpUnits(units, 'MC', byUnit);
    expect(mc.map((r) => [r.code, r.depth, r.tally.answers.get('off_polite')!.get('5')])).toEqual([['MC', 0, 7], ['MC-Q1', 1, 2], ['MC-Q2', 1, 4]]);
  });
});

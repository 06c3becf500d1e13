import { describe, expect, it } from 'vitest';
import { changesSince, coverAt, coverSpans, structureAt, type UnitChange } from '../../server/scoring/unit-history';

// The province's 2025 reform in small: district H with communes A and B; on 1 July A and B merge
// into the new commune C (directly under the province P), and counter K moves from A to C on 1 March.
const today = [
  { code: 'P', parent_code: null },
  { code: 'H', parent_code: 'P' },
  { code: 'A', parent_code: 'C' },
  { code: 'B', parent_code: 'C' },
  { code: 'C', parent_code: 'P' },
  { code: 'K', parent_code: 'C' },
];
const changes: UnitChange[] = [
  { unit: 'K', kind: 'move', from: 'A', to: 'C', effectiveFrom: '2025-03-01' },
  { unit: 'A', kind: 'merge', from: 'H', to: 'C', effectiveFrom: '2025-07-01' },
  { unit: 'B', kind: 'merge', from: 'H', to: 'C', effectiveFrom: '2025-07-01' },
];
const parents = (tree: { code: string; parent_code: string | null }[]) => Object.fromEntries(tree.map((u) => [u.code, u.parent_code]));
const sorted = (codes: string[]) => [...codes].sort();

describe('the organisation as it stood on a date', () => {
  it('undoes the changes that took effect after the date, and none on or before it', () => {
    expect(parents(structureAt(today, changes, '2025-02-28'))).toMatchObject({ A: 'H', B: 'H', K: 'A', C: 'P' });
    expect(parents(structureAt(today, changes, '2025-03-01'))).toMatchObject({ A: 'H', B: 'H', K: 'C' });
    expect(parents(structureAt(today, changes, '2025-07-01'))).toMatchObject({ A: 'C', B: 'C', K: 'C' });
    expect(parents(structureAt(today, changes, undefined))).toEqual(parents(today));
  });

  it('lets the unit merged into carry the merged units before the merge, but not its parents', () => {
    const spring = structureAt(today, changes, '2025-04-30');
    expect(sorted(coverAt(spring, changes, 'C', '2025-04-30'))).toEqual(['A', 'B', 'C', 'K']);
    // The district still had A and B in spring; the province had everything either way.
    expect(sorted(coverAt(spring, changes, 'H', '2025-04-30'))).toEqual(['A', 'B', 'H']);
    expect(sorted(coverAt(spring, changes, 'A', '2025-04-30'))).toEqual(['A']);
    expect(sorted(coverAt(spring, changes, 'P', '2025-04-30'))).toEqual(['A', 'B', 'C', 'H', 'K', 'P']);
  });

  it('cuts a year where each change takes effect, each stretch with what the unit covered then', () => {
    expect(coverSpans(today, changes, 'H', '2025-01-01', '2025-12-31').map((s) => [s.from, s.to, sorted(s.units)])).toEqual([
      ['2025-01-01', '2025-02-28', ['A', 'B', 'H', 'K']],
      ['2025-03-01', '2025-06-30', ['A', 'B', 'H']],
      ['2025-07-01', '2025-12-31', ['H']],
    ]);
    // Counter K belonged to A until March: A's own past includes it, its later stretch does not.
    expect(coverSpans(today, changes, 'A', '2025-01-01', '2025-12-31').map((s) => sorted(s.units))).toEqual([['A', 'K'], ['A'], ['A']]);
    // An open start reaches back before the first change.
    expect(coverSpans(today, changes, 'K').map((s) => [s.from ?? null, s.to ?? null])).toEqual([
      [null, '2025-02-28'],
      ['2025-03-01', '2025-06-30'],
      ['2025-07-01', null],
    ]);
  });

  it('is a single stretch of today\'s tree when nothing changed within or after the range', () => {
    const spans = coverSpans(today, changes, 'C', '2025-08-01', '2025-08-31');
    expect(spans.map((s) => [s.from, s.to, sorted(s.units)])).toEqual([['2025-08-01', '2025-08-31', ['A', 'B', 'C', 'K']]]);
  });

  it('lists the changes after a period\'s first day, date order', () => {
    expect(changesSince(changes, '2025-03-01').map((c) => c.unit)).toEqual(['A', 'B']);
    expect(changesSince(changes, undefined)).toHaveLength(3);
  });
  it('undoes two changes of one day in the reverse of the order they were recorded', () => {
    const tree = [{ code: 'R', parent_code: null }, { code: 'X', parent_code: 'R' }, { code: 'Y', parent_code: 'R' }, { code: 'U', parent_code: 'Y' }];
    const sameDay: UnitChange[] = [
      { unit: 'U', kind: 'move', from: 'R', to: 'X', effectiveFrom: '2025-05-01' },
      { unit: 'U', kind: 'move', from: 'X', to: 'Y', effectiveFrom: '2025-05-01' },
    ];
    expect(parents(structureAt(tree, sameDay, '2025-04-30')).U).toBe('R');
    expect(parents(structureAt(tree, sameDay, '2025-05-01')).U).toBe('Y');
  });
});

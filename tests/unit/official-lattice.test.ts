import { describe, expect, it } from 'vitest';
import { officialLattice, type OfficialMonthCount } from '../../server/scoring/official-lattice';

// Counter MC with two counters under it; officials A and B at counter 1, C at counter 2.
const units = [
  { code: 'MC', parent_code: null },
  { code: 'Q1', parent_code: 'MC' },
  { code: 'Q2', parent_code: 'MC' },
];
const row = (official: string, unit: string, month: string, n: number): OfficialMonthCount => ({ official, unit, month, n });

describe('which per-official figures of a year may be shown', () => {
  it('withholds an official under 5, and the smallest colleague that would give them away', () => {
    // March at counter 1: A 3, B 8; C 20 at counter 2. Counter 1's total (11) is published.
    const lattice = officialLattice(units, [row('A', 'Q1', '2026-03', 3), row('B', 'Q1', '2026-03', 8), row('C', 'Q2', '2026-03', 20)], '2026');
    expect(lattice.verdict('A', '2026-03')).toBe('few_responses');
    expect(lattice.verdict('B', '2026-03')).toBe('complement');
    expect(lattice.verdict('C', '2026-03')).toBe('shown');
  });

  it('lets responses without an official stand as published, so they protect no one', () => {
    const lattice = officialLattice(units, [row('A', 'Q1', '2026-03', 3), row('', 'Q1', '2026-03', 30), row('B', 'Q1', '2026-03', 9)], '2026');
    expect(lattice.verdict('B', '2026-03')).toBe('complement');
  });

  it('withholds a second month when a quarter would give away a small one', () => {
    // C alone at counter 2: January 10, February 12, March 3 (withheld): Q1 25 is shown.
    const lattice = officialLattice(units, [row('C', 'Q2', '2026-01', 10), row('C', 'Q2', '2026-02', 12), row('C', 'Q2', '2026-03', 3), row('D', 'Q2', '2026-01', 40), row('D', 'Q2', '2026-02', 40), row('D', 'Q2', '2026-03', 40)], '2026');
    expect(lattice.verdict('C', '2026-03')).toBe('few_responses');
    expect(lattice.verdict('C', '2026-01')).toBe('complement');
    expect(lattice.verdict('C', '2026-02')).toBe('shown');
    expect(lattice.verdict('C', '2026-Q1')).toBe('shown');
    expect(lattice.count('C', '2026-Q1')).toBe(25);
  });

  it('shows nothing for an official without responses in the period', () => {
    const lattice = officialLattice(units, [row('C', 'Q2', '2026-01', 10)], '2026');
    expect(lattice.verdict('C', '2026-02')).toBe('few_responses');
    expect(lattice.verdict('Z', '2026-01')).toBe('few_responses');
  });
});

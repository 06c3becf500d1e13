import { describe, expect, it } from 'vitest';
import { ALL_UNITS, dossierLattice } from '../../server/scoring/dossier-lattice';

const units = [
  { code: 'MC', parent_code: null },
  { code: 'Q1', parent_code: 'MC' },
  { code: 'Q2', parent_code: 'MC' },
];

describe('which dossier ratings of a year may be shown', () => {
  it('withholds a counter with one rated dossier, and its sibling that would give it away', () => {
    const lattice = dossierLattice(units, [{ unit: 'Q1', month: '2026-03', rated: 1 }, { unit: 'Q2', month: '2026-03', rated: 9 }], '2026');
    expect(lattice.verdict('Q1', '2026-03')).toBe('few_responses');
    expect(lattice.verdict('Q2', '2026-03')).toBe('complement');
    expect(lattice.verdict('MC', '2026-03')).toBe('shown');
    expect(lattice.verdict(ALL_UNITS, '2026-03')).toBe('shown');
  });

  it('withholds a second month when the quarter would give away a month with few ratings', () => {
    const lattice = dossierLattice(units, [
      { unit: 'Q2', month: '2026-01', rated: 8 },
      { unit: 'Q2', month: '2026-02', rated: 6 },
      { unit: 'Q2', month: '2026-03', rated: 2 },
    ], '2026');
    expect(lattice.verdict('Q2', '2026-03')).toBe('few_responses');
    expect(lattice.verdict('Q2', '2026-02')).toBe('complement');
    expect(lattice.verdict('Q2', '2026-Q1')).toBe('shown');
  });

  it('never shows a unit whose own dossiers alone would follow from its total', () => {
    // MC's own 2 ratings, besides its counters' 10 and 0: MC minus Q1 would give MC's own.
    const lattice = dossierLattice(units, [{ unit: 'MC', month: '2026-03', rated: 2 }, { unit: 'Q1', month: '2026-03', rated: 10 }], '2026');
    expect(lattice.verdict('MC', '2026-03') === 'shown' && lattice.verdict('Q1', '2026-03') === 'shown').toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressCells, type Partition } from '../../server/scoring/cell-suppression';

const counts = (o: Record<string, number>) => new Map(Object.entries(o));

describe('complementary cell suppression', () => {
  it('withholds a second official when one withheld official could be read off the unit total', () => {
    // Unit total 40 (always published): A has 3 responses, B 12, C 25.
    const s = suppressCells({ counts: counts({ U: 40, A: 3, B: 12, C: 25 }), partitions: [{ total: 'U', parts: ['A', 'B', 'C'] }], fixed: new Set(['U']) });
    expect([...s.withheld].sort()).toEqual(['A', 'B']);
    expect([...s.secondary]).toEqual(['B']);
  });

  it('needs the withheld parts to hold at least 5 responses together', () => {
    // A 1 and B 2 are both small; together 3 would still be one person's answers read off: add C.
    const s = suppressCells({ counts: counts({ U: 30, A: 1, B: 2, C: 7, D: 20 }), partitions: [{ total: 'U', parts: ['A', 'B', 'C', 'D'] }], fixed: new Set(['U']) });
    expect([...s.withheld].sort()).toEqual(['A', 'B', 'C']);
  });

  it('leaves a partition alone when nothing in it is small', () => {
    const s = suppressCells({ counts: counts({ U: 30, A: 10, B: 20 }), partitions: [{ total: 'U', parts: ['A', 'B'] }] });
    expect(s.withheld.size).toBe(0);
  });

  it('protects across nested periods: a quarter minus two months must not give the third', () => {
    // Official X: months 10, 12, 3 in Q1. March is withheld; so must another month be.
    const s = suppressCells({ counts: counts({ Q1: 25, M1: 10, M2: 12, M3: 3 }), partitions: [{ total: 'Q1', parts: ['M1', 'M2', 'M3'] }] });
    expect([...s.withheld].sort()).toEqual(['M1', 'M3']);
  });

  it('keeps a withheld total from being the sum of published parts', () => {
    // Q1 was withheld to protect a sibling quarter; its months alone must not rebuild it.
    const s = suppressCells({
      counts: counts({ Y: 60, Q1: 20, Q2: 37, Q3: 3, M1: 6, M2: 7, M3: 7 }),
      partitions: [{ total: 'Y', parts: ['Q1', 'Q2', 'Q3'] }, { total: 'Q1', parts: ['M1', 'M2', 'M3'] }],
    });
    expect(s.withheld.has('Q3')).toBe(true);
    expect(s.withheld.has('Q1')).toBe(true);
    expect(['M1', 'M2', 'M3'].some((m) => s.withheld.has(m))).toBe(true);
  });

  it('withholds the total when its only part with responses is withheld', () => {
    const s = suppressCells({ counts: counts({ T: 3, A: 3 }), partitions: [{ total: 'T', parts: ['A', 'B'] }] });
    expect(s.withheld.has('T')).toBe(true);
  });

  it('never lets a withheld cell be computed by subtracting published cells (property)', () => {
    // Random two-level trees of cells: a total, parts, and parts of each part.
    const tree = fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(tree, (groups) => {
        const c = new Map<string, number>();
        const partitions: Partition[] = [];
        const top: string[] = [];
        groups.forEach((leaves, g) => {
          const parts = leaves.map((v, i) => {
            c.set(`L${g}.${i}`, v);
            return `L${g}.${i}`;
          });
          c.set(`G${g}`, leaves.reduce((s, v) => s + v, 0));
          partitions.push({ total: `G${g}`, parts });
          top.push(`G${g}`);
        });
        c.set('T', top.reduce((s, k) => s + c.get(k)!, 0));
        partitions.push({ total: 'T', parts: top });
        const { withheld } = suppressCells({ counts: c, partitions, fixed: new Set(['T']) });
        // Every withheld cell with 1–4 responses: in each partition it belongs to whose total is
        // published, it shares the withheld remainder with at least one other cell with responses.
        for (const p of partitions) {
          if (withheld.has(p.total)) continue;
          const live = p.parts.filter((x) => c.get(x)! > 0);
          const hidden = live.filter((x) => withheld.has(x));
          if (!hidden.length) continue;
          // Only a published total that is itself tiny (the fixed 'T') may be left as it is: then
          // every part with responses is withheld and nothing more could be done.
          const protectedRemainder = hidden.length >= 2 && hidden.reduce((s, x) => s + c.get(x)!, 0) >= 5;
          expect(protectedRemainder || (p.total === 'T' && hidden.length === live.length), JSON.stringify({ p, hidden })).toBe(true);
        }
        for (const [cell, v] of c) if (v > 0 && v < 5 && cell !== 'T') expect(withheld.has(cell)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

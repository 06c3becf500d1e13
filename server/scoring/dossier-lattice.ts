// Which dossier ratings of one calendar year may be shown. Staff know which dossier was returned
// when, so a cell of rated dossiers is a set of people: a unit's month with one rated dossier
// would show that person's rating. Ratings are published only per whole month, quarter and year,
// for a unit with its sub-units, and complementary suppression (cell-suppression.ts) withholds
// enough cells that none with fewer than 5 ratings can be computed by subtraction: sub-units from
// their parent, or months from their quarter.
import { suppressCells, type Partition } from './cell-suppression';
import type { LatticeVerdict } from './official-lattice';
import type { UnitNode } from './unit-tree';

export interface UnitMonthRated {
  unit: string;
  /** YYYY-MM */
  month: string;
  rated: number;
}

/** The whole organisation, as an admin sees it without a unit filter. */
export const ALL_UNITS = '*';

export interface DossierLattice {
  /** The verdict on a unit's (with its sub-units; ALL_UNITS for all) month, quarter or year. */
  verdict(unit: string, period: string): LatticeVerdict;
}

const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

export function dossierLattice(units: readonly UnitNode[], rows: readonly UnitMonthRated[], year: string): DossierLattice {
  const known = new Set(units.map((u) => u.code));
  const parentOf = (code: string) => {
    const p = units.find((u) => u.code === code)?.parent_code ?? null;
    return p !== null && known.has(p) ? p : ALL_UNITS;
  };
  const children = new Map<string, string[]>();
  for (const u of units) {
    const p = parentOf(u.code);
    children.set(p, [...(children.get(p) ?? []), u.code]);
  }
  const n = new Map<string, number>();
  const add = (cell: string, k: number) => n.set(cell, (n.get(cell) ?? 0) + k);
  const periodsOf = (month: string) => [month, quarterOf(month), year];
  for (const r of rows) {
    if (!r.month.startsWith(`${year}-`) || r.rated <= 0) continue;
    // Dossiers of a unit no longer in the organisation still count in the whole.
    const own = known.has(r.unit) ? r.unit : ALL_UNITS;
    for (const p of periodsOf(r.month)) {
      add(`D|${own}|${p}`, r.rated);
      for (let u: string = own, guard = 0; guard < 64; u = parentOf(u), guard++) {
        add(`R|${u}|${p}`, r.rated);
        if (u === ALL_UNITS) break;
      }
    }
  }
  const partitions: Partition[] = [];
  const primary: string[] = [];
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const periods = [...months, ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), year];
  for (const unit of [ALL_UNITS, ...units.map((u) => u.code)]) {
    const kids = children.get(unit) ?? [];
    for (const p of periods) {
      if (!kids.length) continue; // a unit without sub-units: its own dossiers are its total
      // The unit's own dossiers, apart from its sub-units', are never published as such.
      const direct = `D|${unit}|${p}`;
      if ((n.get(direct) ?? 0) > 0) primary.push(direct);
      partitions.push({ total: `R|${unit}|${p}`, parts: [...kids.map((k) => `R|${k}|${p}`), direct] });
    }
    partitions.push({ total: `R|${unit}|${year}`, parts: [1, 2, 3, 4].map((q) => `R|${unit}|${year}-Q${q}`) });
    for (let q = 1; q <= 4; q++) partitions.push({ total: `R|${unit}|${year}-Q${q}`, parts: months.slice(q * 3 - 3, q * 3).map((m) => `R|${unit}|${m}`) });
  }
  const { withheld, secondary } = suppressCells({ counts: n, partitions, primary });
  return {
    verdict(unit, period) {
      const cell = `R|${unit}|${period}`;
      if (!withheld.has(cell) && (n.get(cell) ?? 0) > 0) return 'shown';
      return secondary.has(cell) ? 'complement' : 'few_responses';
    },
  };
}

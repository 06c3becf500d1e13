// Which per-official figures of one calendar year may be shown. A figure about one official is
// published only for a whole month, quarter or year, so the cells are: each official's months,
// quarters and year, beside each unit's totals (always published) and each unit's responses
// without an official (published too). Complementary suppression (cell-suppression.ts) then
// withholds enough official cells that none with fewer than 5 responses can be computed by
// subtracting published figures: other officials from a unit's total, or months from a quarter.
// The decision depends only on the year's counts, so every request that shows a cell agrees.
import { suppressCells, type Partition } from './cell-suppression';
import type { UnitNode } from './unit-tree';

export interface OfficialMonthCount {
  /** '' for responses that name no official. */
  official: string;
  unit: string;
  /** YYYY-MM */
  month: string;
  n: number;
}

export type LatticeVerdict = 'shown' | 'few_responses' | 'complement';

export interface OfficialLattice {
  /** The verdict on an official's month (2026-03), quarter (2026-Q1) or year (2026). */
  verdict(official: string, period: string): LatticeVerdict;
  /** The official's responses in the period, in every unit. */
  count(official: string, period: string): number;
}

const ALL_UNITS = '*';
const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

/** The lattice of one year from its counts per official, unit and month (any other year's counts are ignored). */
export function officialLattice(units: readonly UnitNode[], counts: readonly OfficialMonthCount[], year: string): OfficialLattice {
  const parent = new Map(units.map((u) => [u.code, u.parent_code]));
  const chain = (unit: string) => {
    const out = [ALL_UNITS];
    for (let u: string | null | undefined = unit, guard = 0; u && guard < 64; u = parent.get(u), guard++) out.push(u);
    return out;
  };
  const n = new Map<string, number>();
  const add = (cell: string, k: number) => n.set(cell, (n.get(cell) ?? 0) + k);
  // Per (official or '', unit ancestor, period): what each unit's partition holds.
  const inUnit = new Map<string, number>();
  const periods = new Set<string>([year]);
  for (const c of counts) {
    if (!c.month.startsWith(`${year}-`) || c.n <= 0) continue;
    const keys = [c.month, quarterOf(c.month), year];
    for (const p of keys) periods.add(p);
    for (const p of keys) {
      if (c.official) add(`O|${c.official}|${p}`, c.n);
      for (const u of chain(c.unit)) {
        add(`U|${u}|${p}`, c.n);
        const key = `${c.official}|${u}|${p}`;
        inUnit.set(key, (inUnit.get(key) ?? 0) + c.n);
      }
    }
  }

  const partitions: Partition[] = [];
  const primary: string[] = [];
  const fixed = new Set<string>();
  const unitParts = new Map<string, string[]>();
  for (const [key, k] of inUnit) {
    const [official, unit, period] = key.split('|') as [string, string, string];
    let part: string;
    if (!official) {
      part = `N|${unit}|${period}`; // responses without an official: published, like the totals
      n.set(part, k);
      fixed.add(part);
    } else if (k === n.get(`O|${official}|${period}`)) {
      part = `O|${official}|${period}`;
    } else {
      // The official's share of a unit they only partly worked in: never published as such.
      part = `S|${official}|${unit}|${period}`;
      n.set(part, k);
      primary.push(part);
    }
    const total = `U|${unit}|${period}`;
    fixed.add(total);
    const list = unitParts.get(total) ?? [];
    list.push(part);
    unitParts.set(total, list);
  }
  for (const [total, parts] of unitParts) partitions.push({ total, parts: parts.sort() });
  const officials = new Set(counts.filter((c) => c.official && c.month.startsWith(`${year}-`)).map((c) => c.official));
  for (const official of [...officials].sort()) {
    const quarters = [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
    partitions.push({ total: `O|${official}|${year}`, parts: quarters.map((q) => `O|${official}|${q}`) });
    quarters.forEach((q, i) => {
      const months = [1, 2, 3].map((m) => `${year}-${String(i * 3 + m).padStart(2, '0')}`);
      partitions.push({ total: `O|${official}|${q}`, parts: months.map((m) => `O|${official}|${m}`) });
    });
  }
  const { withheld, secondary } = suppressCells({ counts: n, partitions, primary, fixed });
  return {
    verdict(official, period) {
      const cell = `O|${official}|${period}`;
      if (!withheld.has(cell) && (n.get(cell) ?? 0) > 0) return 'shown';
      return secondary.has(cell) ? 'complement' : 'few_responses';
    },
    count: (official, period) => n.get(`O|${official}|${period}`) ?? 0,
  };
}

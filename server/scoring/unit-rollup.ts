// A unit's figures include its sub-units: per-unit tallies summed up the tree.
import { emptyTally, mergeInto, type Tally } from './tally';
import { subtreeCodes, type UnitNode } from './unit-tree';

export interface RolledUpUnit {
  code: string;
  parent: string | null;
  depth: number;
  tally: Tally;
}

/**
 * Every unit under `root` (every unit when root is null), in tree order, each with the sum of its
 * own and its sub-units' tallies. `units` must be in display order.
 */
export function rollUpUnits(units: readonly UnitNode[], root: string | null, byUnit: ReadonlyMap<string, Tally>): RolledUpUnit[] {
  const out: RolledUpUnit[] = [];
  const visit = (code: string, depth: number) => {
    const unit = units.find((u) => u.code === code)!;
    const tally = emptyTally();
    for (const c of subtreeCodes(units, code)) {
      const own = byUnit.get(c);
      if (own) mergeInto(tally, own);
    }
    out.push({ code, parent: unit.parent_code, depth, tally });
    for (const child of units.filter((u) => u.parent_code === code)) if (!out.some((o) => o.code === child.code)) visit(child.code, depth + 1);
  };
  const tops = root === null ? units.filter((u) => u.parent_code === null || !units.some((p) => p.code === u.parent_code)) : units.filter((u) => u.code === root);
  for (const top of tops) visit(top.code, 0);
  return out;
}

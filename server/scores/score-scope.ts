// Which units a query covers: the asked unit with its sub-units, never more than the person may see.
import type { StaffScope } from '../auth/staff-scope';
import { subtreeCodes, type UnitNode } from '../scoring/unit-tree';

export interface CoveredUnits {
  /** Unit codes covered; null = everything, including responses without a unit. */
  units: string[] | null;
  /** The unit the unit breakdown starts from; null = every top-level unit. */
  root: string | null;
}

export type CoverResult = ({ ok: true } & CoveredUnits) | { ok: false; reason: 'unknown_unit' | 'forbidden_unit' };

/** Resolves the unit filter against the organisation and the staff member's scope (null: no limit, as on the CLI). */
export function coverUnits(units: readonly UnitNode[], scope: StaffScope | null, unit: string | undefined): CoverResult {
  const limited = scope !== null && scope.units !== null;
  if (unit !== undefined) {
    // Someone limited to a subtree learns nothing about units outside it, not even whether they exist.
    if (limited && !scope.units!.has(unit)) return { ok: false, reason: 'forbidden_unit' };
    if (!units.some((u) => u.code === unit)) return { ok: false, reason: 'unknown_unit' };
    return { ok: true, units: subtreeCodes(units, unit), root: unit };
  }
  if (limited) return { ok: true, units: [...scope.units!], root: scope.root };
  return { ok: true, units: null, root: null };
}

// What a staff member may see: an admin everything, anyone else their unit and the units below.
import { subtreeCodes, type UnitNode } from '../scoring/unit-tree';

export interface StaffScope {
  /** null: every unit (admin). */
  units: ReadonlySet<string> | null;
  /** The unit filters default to. */
  root: string | null;
}

export function staffScope(user: { role: string; unit_code: string | null }, units: readonly UnitNode[]): StaffScope {
  if (user.role === 'admin') return { units: null, root: units.find((u) => u.parent_code === null)?.code ?? null };
  return { units: new Set(user.unit_code ? subtreeCodes(units, user.unit_code) : []), root: user.unit_code };
}

export function canSeeUnit(scope: StaffScope, unitCode: string): boolean {
  return scope.units === null || scope.units.has(unitCode);
}

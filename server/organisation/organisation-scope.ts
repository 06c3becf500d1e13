// A manager changes only the units at and below their own, and the procedures and officials of
// those units: every row of a change is checked against what they may touch now and where it would
// sit afterwards. An admin (scope.units null) may change anything.
import type { StaffScope } from '../auth/staff-scope';
import { subtreeCodes } from '../scoring/unit-tree';
import type { OrganisationFile, OrganisationState, Refusal } from './entries';
import type { ListName } from './layout';
import { mergeState, officialUnit } from './merge-state';

export function scopeRefusals(file: OrganisationFile, current: OrganisationState, scope: StaffScope): Refusal[] {
  if (scope.units === null) return [];
  const before = scope.units;
  const merged = mergeState(current, file);
  const nodes = [...merged.units.values()].map((u) => ({ code: u.code, parent_code: u.parent }));
  /** The manager's units once the change is made: a unit moved away leaves, a new one below them joins. */
  const after = new Set(scope.root ? subtreeCodes(nodes, scope.root) : []);
  const refusals: Refusal[] = [];
  const refuse = (list: ListName, line: number, code: string) =>
    refusals.push({ list, line, reason: 'out_of_scope', message: `"${code}" nằm ngoài các đơn vị Ông/Bà quản lý (out of scope)`, params: { code } });
  /** A unit that exists but will not be one of theirs (an unknown code is validation's to name). */
  const outside = (code: string | null) => code !== null && merged.units.has(code) && !after.has(code);

  const storedUnits = new Map(current.units.map((u) => [u.code, u]));
  for (const { line, entry } of file.units) {
    const stored = storedUnits.get(entry.code);
    if (stored && !before.has(entry.code)) refuse('units', line, entry.code);
    // A unit at the top, or moved to the top: only an admin places units there.
    else if (entry.parent === null && (!stored || stored.parent !== null)) refuse('units', line, entry.code);
    else if (entry.parent !== (stored?.parent ?? null) && outside(entry.parent)) refuse('units', line, entry.parent!);
  }
  const storedProcedures = new Map(current.procedures.map((p) => [p.code, p]));
  for (const { line, entry } of file.procedures) {
    const stored = storedProcedures.get(entry.code);
    if (stored && !before.has(stored.unit)) refuse('procedures', line, entry.code);
    else if (outside(entry.unit)) refuse('procedures', line, entry.unit);
  }
  const storedOfficials = new Map(current.officials.map((o) => [o.code, o]));
  for (const { line, entry } of file.officials) {
    const stored = storedOfficials.get(entry.code);
    // Where they sit is what counts: a counter's unit may be a department above the manager's own.
    if (stored && !before.has(officialUnit(stored))) refuse('officials', line, entry.code);
    else if (outside(officialUnit(entry))) refuse('officials', line, officialUnit(entry));
  }
  return refusals;
}

/** The stored organisation as far as the person may see it: their units, and what sits in them. */
export function scopedState(state: OrganisationState, scope: StaffScope): OrganisationState {
  if (scope.units === null) return state;
  const units = scope.units;
  return {
    units: state.units.filter((u) => units.has(u.code)),
    procedures: state.procedures.filter((p) => units.has(p.unit)),
    officials: state.officials.filter((o) => units.has(officialUnit(o))),
  };
}

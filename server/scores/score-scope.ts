// Which units a query covers: the asked unit with its sub-units, never more than the person may see.
import type { StaffScope } from '../auth/staff-scope';
import { coverSpans, type CoverSpan, type UnitChange } from '../scoring/unit-history';
import { subtreeCodes, type UnitNode } from '../scoring/unit-tree';

export interface CoveredUnits {
  /** Unit codes covered; null = everything, including responses without a unit. */
  units: string[] | null;
  /** The unit the unit breakdown starts from; null = every top-level unit. */
  root: string | null;
  /** Set when the organisation changed within the range: what the root covered on each stretch. */
  spans?: CoverSpan[];
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

/**
 * What the root covered on each stretch of [from, to], when a move or merge makes that differ from
 * today's tree; undefined when today's subtree holds for the whole range.
 */
export function historicalSpans(units: readonly UnitNode[], changes: readonly UnitChange[], root: string | null, from?: string, to?: string): CoverSpan[] | undefined {
  if (root === null || !changes.length) return undefined;
  const spans = coverSpans(units, changes, root, from, to);
  const today = new Set(subtreeCodes(units, root));
  const same = (codes: string[]) => codes.length === today.size && codes.every((c) => today.has(c));
  return spans.every((s) => same(s.units)) ? undefined : spans;
}

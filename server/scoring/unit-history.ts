// The organisation changes over time (a counter moves to another department, two communes merge
// into one), but a period's figures must roll up through the structure that was in force on each
// of its days. Only the current tree is stored; each change records where a unit came from, so
// the tree of any past date is the current one with later changes undone.
import { addDays } from './vietnam-time';
import { subtreeCodes, type UnitNode } from './unit-tree';

export interface UnitChange {
  unit: string;
  /** A move places `unit` under `to`; a merge folds `unit` into `to` (it is placed under it and retired). */
  kind: 'move' | 'merge';
  /** The parent before the change (null: a top unit). */
  from: string | null;
  to: string | null;
  /** The first Vietnam date on which the change holds. */
  effectiveFrom: string;
}

/** A stretch of dates that used one structure, with the unit codes a filter covers in it. */
export interface CoverSpan {
  /** Vietnam dates, both inclusive; undefined = open. */
  from?: string;
  to?: string;
  units: string[];
}

/**
 * The tree as it stood on `date`: every change that took effect after it undone, latest first.
 * `changes` must be in the order they were recorded (as listUnitChanges returns them).
 */
export function structureAt(units: readonly UnitNode[], changes: readonly UnitChange[], date: string | undefined): UnitNode[] {
  const parents = new Map(units.map((u) => [u.code, u.parent_code]));
  const later = changes.filter((c) => date !== undefined && c.effectiveFrom > date);
  // Latest first; changes of one day are undone in the reverse of the order they were recorded in.
  for (const change of [...later].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).reverse()) {
    if (parents.has(change.unit)) parents.set(change.unit, change.from);
  }
  return units.map((u) => ({ ...u, parent_code: parents.get(u.code) ?? null }));
}

/**
 * The codes a unit covers on a structure: its subtree, and, before a merge into it took effect,
 * the merged units' subtrees too, so the new unit's trend runs on across the merge. Its parents do
 * not take the merged units' past: they roll up as they were.
 */
export function coverAt(tree: readonly UnitNode[], changes: readonly UnitChange[], unit: string, date: string | undefined): string[] {
  const codes = new Set(subtreeCodes(tree, unit));
  for (const merge of changes) {
    if (merge.kind !== 'merge' || merge.to !== unit || date === undefined || merge.effectiveFrom <= date) continue;
    for (const code of coverAt(tree, changes.filter((c) => c !== merge), merge.unit, date)) codes.add(code);
  }
  return [...codes];
}

/** A stretch of dates inside which no change takes effect, with the tree it used. */
export interface StructureSpan {
  from?: string;
  to?: string;
  tree: UnitNode[];
  /** The day the stretch's merges are judged on: its last, or its first when open-ended. */
  asOf: string | undefined;
}

/** [from, to] cut where a change takes effect; a single span when none falls inside. */
export function structureSpans(units: readonly UnitNode[], changes: readonly UnitChange[], from?: string, to?: string): StructureSpan[] {
  const starts = [...new Set(changes.map((c) => c.effectiveFrom))]
    .filter((d) => (from === undefined || d > from) && (to === undefined || d <= to))
    .sort();
  const bounds: (string | undefined)[] = [from, ...starts];
  return bounds.map((start, i) => {
    const end = i + 1 < bounds.length ? addDays(bounds[i + 1]!, -1) : to;
    // No change takes effect inside the span, so its last day stands for all of it; an open end is today's tree.
    const span: StructureSpan = { tree: structureAt(units, changes, end), asOf: end ?? start };
    if (start !== undefined) span.from = start;
    if (end !== undefined) span.to = end;
    return span;
  });
}

/**
 * The spans of [from, to] that each used one structure, each with the codes `unit` covered in it.
 * A single span when no change falls inside the range.
 */
export function coverSpans(units: readonly UnitNode[], changes: readonly UnitChange[], unit: string, from?: string, to?: string): CoverSpan[] {
  return structureSpans(units, changes, from, to).map(({ tree, asOf, ...dates }) => ({ ...dates, units: coverAt(tree, changes, unit, asOf) }));
}

/** The changes that make a period's structure differ from today's: those after its first day. */
export function changesSince(changes: readonly UnitChange[], from: string | undefined): UnitChange[] {
  return changes.filter((c) => from === undefined || c.effectiveFrom > from).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.unit.localeCompare(b.unit));
}

// The cuts of the aggregate counts: the counts summed over some of their dimensions, so that a
// score reads rows bounded by the organisation (units × periods) instead of one per combination
// of unit, procedure, official and channel seen (nearly one per response).

/** The dimension columns a cut can keep. */
export type CutColumn = 'unit_code' | 'procedure_code' | 'official_code' | 'channel';

/** In a cut's rows, a column the row sums over. Codes start with a letter or digit, so no code is '*'. */
export const ALL = '*';

/**
 * Each cut and the columns it keeps, smallest first: a read takes the first that keeps every
 * column it filters or groups by; 'full' keeps them all. A dimension is kept with its unit, so a
 * unit's page can break down by it. Each official belongs to one unit, so the officials' cut
 * also serves the unit filter and breakdown, at hardly more rows than a cut by unit alone would
 * need (one fewer to write).
 *
 * The procedures are also kept alone, by month only: the province's view of its procedures
 * across every unit read all the unit × procedure rows of every month, the slowest of the whole
 * organisation's breakdowns, and reads a tenth of the rows here (tests/bench/NOTES.md). By day it
 * would cost every fold as many rows again for little: a range's edge days are few, and are read
 * from the 'procedure' cut.
 */
export const CUTS = [
  { name: 'org', keeps: [] },
  { name: 'org_procedure', keeps: ['procedure_code'], monthsOnly: true },
  { name: 'official', keeps: ['unit_code', 'official_code'] },
  { name: 'channel', keeps: ['unit_code', 'channel'] },
  { name: 'procedure', keeps: ['unit_code', 'procedure_code'] },
  { name: 'full', keeps: ['unit_code', 'procedure_code', 'official_code', 'channel'] },
] as const satisfies readonly { name: string; keeps: readonly CutColumn[]; monthsOnly?: true }[];

export type CutName = (typeof CUTS)[number]['name'];

/** Whether the daily table holds the cut's rows too, not only the monthly one. */
export const keptByDay = (cut: (typeof CUTS)[number]) => !('monthsOnly' in cut);

/** The smallest cut keeping every column in `needed`, among those kept by month or (`byDay`) by day. */
export function cutFor(needed: ReadonlySet<CutColumn>, byDay: boolean): CutName {
  return CUTS.find((c) => (!byDay || keptByDay(c)) && [...needed].every((col) => (c.keeps as readonly CutColumn[]).includes(col)))!.name;
}

/** The value a cut's row holds in `column` for a response with `value` there. */
export function keptBy(cut: (typeof CUTS)[number], column: CutColumn, value: string): string {
  return (cut.keeps as readonly CutColumn[]).includes(column) ? value : ALL;
}

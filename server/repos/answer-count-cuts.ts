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
 */
export const CUTS = [
  { name: 'org', keeps: [] },
  { name: 'official', keeps: ['unit_code', 'official_code'] },
  { name: 'channel', keeps: ['unit_code', 'channel'] },
  { name: 'procedure', keeps: ['unit_code', 'procedure_code'] },
  { name: 'full', keeps: ['unit_code', 'procedure_code', 'official_code', 'channel'] },
] as const satisfies readonly { name: string; keeps: readonly CutColumn[] }[];

export type CutName = (typeof CUTS)[number]['name'];

/** The smallest cut keeping every column in `needed`. */
export function cutFor(needed: ReadonlySet<CutColumn>): CutName {
  return CUTS.find((c) => [...needed].every((col) => (c.keeps as readonly CutColumn[]).includes(col)))!.name;
}

/** The value a cut's row holds in `column` for a response with `value` there. */
export function keptBy(cut: (typeof CUTS)[number], column: CutColumn, value: string): string {
  return (cut.keeps as readonly CutColumn[]).includes(column) ? value : ALL;
}

// The cuts of the aggregate counts: answer_counts summed over some of its dimensions, so that a
// score reads rows bounded by the organisation (units × periods × answer values) instead of one
// per combination of unit, procedure, official and channel seen (nearly one per response).
import type { NewAnswerCountRow } from '../db/tables/answer-counts';
import type { NewAnswerRollupRow } from '../db/tables/answer-counts-rollups';

/** The dimension columns a cut can keep. */
export type CutColumn = 'unit_code' | 'procedure_code' | 'official_code' | 'channel';

/** In the rollup tables, a column the row sums over. Codes start with a letter or digit, so no code is '*'. */
export const ALL = '*';

/**
 * Each cut and the columns it keeps, smallest first: a read takes the first that keeps every
 * column it filters or groups by. A dimension is kept with its unit, so a unit's page can break
 * down by it. Each official belongs to one unit, so the officials' cut also serves the unit
 * filter and breakdown, at hardly more rows than a cut by unit alone would need (one fewer to write).
 */
export const CUTS = [
  { name: 'org', keeps: [] },
  { name: 'official', keeps: ['unit_code', 'official_code'] },
  { name: 'channel', keeps: ['unit_code', 'channel'] },
  { name: 'procedure', keeps: ['unit_code', 'procedure_code'] },
] as const satisfies readonly { name: string; keeps: readonly CutColumn[] }[];

export type CutName = (typeof CUTS)[number]['name'];

/** The smallest cut keeping every column in `needed`; null when only the full counts have them. */
export function cutFor(needed: ReadonlySet<CutColumn>): CutName | null {
  const cut = CUTS.find((c) => [...needed].every((col) => (c.keeps as readonly CutColumn[]).includes(col)));
  return cut ? cut.name : null;
}

/**
 * The rollup rows that `rows` (answer_counts increments, daily or monthly) add to, every cut,
 * merged by key and in key order (the order keeps concurrent PostgreSQL writers from deadlocking).
 */
export function cutIncrements(rows: readonly NewAnswerCountRow[]): NewAnswerRollupRow[] {
  const out = new Map<string, NewAnswerRollupRow>();
  for (const r of rows) {
    for (const cut of CUTS) {
      const keeps = cut.keeps as readonly CutColumn[];
      const kept = (column: CutColumn) => (keeps.includes(column) ? r[column] : ALL);
      const unit = kept('unit_code');
      const procedure = kept('procedure_code');
      const official = kept('official_code');
      const channel = kept('channel');
      // The key first, a row object only for a new key: this runs per answer on the submit path.
      const key = [r.survey_id, cut.name, r.local_date, unit, procedure, official, channel, r.flagged, r.question_id, r.value].join('\u0000');
      const known = out.get(key);
      if (known) known.n += r.n;
      else out.set(key, { survey_id: r.survey_id, cut: cut.name, local_date: r.local_date, unit_code: unit, procedure_code: procedure, official_code: official, channel, flagged: r.flagged, question_id: r.question_id, value: r.value, n: r.n });
    }
  }
  return [...out.entries()].filter(([, r]) => r.n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

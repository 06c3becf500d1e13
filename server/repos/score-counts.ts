// Reads the aggregate counts for a filter: from the smallest cut that keeps the columns it filters
// and groups by (answer-count-cuts.ts), whole months from the monthly table, edge days from the
// daily one, never the responses themselves.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { cutFor, type CutColumn, type CutName } from './answer-count-cuts';
import { FLAG_REPEATED_TAP, FLAG_UNVERIFIED, splitAnswerKey, type TallyTable } from './answer-counts';
import { countEntries } from './count-entries';
import { foldTallies } from '../tallies/fold-tallies';
import { splitByWholeMonths, type DateSpan } from '../scoring/month-split';
import { addCount, emptyTally, mergeInto, type Tally } from '../scoring/tally';
import type { CoverSpan } from '../scoring/unit-history';

/** A filter with its unit resolved to the codes it covers. */
export interface CountFilter {
  surveyId: string;
  /** Vietnam dates, both inclusive; undefined = open. */
  from?: string;
  to?: string;
  /** The unit codes covered (a unit with its sub-units); null = all, including responses without a unit. */
  units: readonly string[] | null;
  procedure?: string;
  official?: string;
  channel?: string;
  /** Count repeated kiosk taps too. */
  includeFlagged: boolean;
  /** Count answers whose channel was not proven (the open link) too. */
  includeUnverified: boolean;
  /**
   * When the organisation changed within the range: each stretch of dates with the codes the unit
   * covered then (server/scoring/unit-history.ts). Overrides `units` for the figures.
   */
  spans?: readonly CoverSpan[];
}

/** Columns the counts can be grouped by. */
export type CountGroup = 'unit_code' | 'procedure_code' | 'official_code' | 'channel' | 'local_date';

export interface Tallies {
  /** By group key ('' for the whole filter when not grouped; local_date is a month's first day for whole months). */
  groups: Map<string, Tally>;
  /** Flagged responses within the filter, counted whether or not they are included. */
  flagged: number;
  /** Unverified responses (open link) within the filter, counted whether or not they are included. */
  unverified: number;
}

/**
 * Sums the counts that match the filter, grouped by one column or not at all. `dailyOnly` reads
 * every date from the daily table (needed when grouping by day or week).
 */
export async function readTallies(db: Kysely<Database>, filter: CountFilter, group?: CountGroup, dailyOnly = false): Promise<Tallies> {
  // Every response stored before the read is in the figures (tallies/fold-tallies.ts).
  await foldTallies(db);
  return sumTallies(db, filter, group, dailyOnly);
}

async function sumTallies(db: Kysely<Database>, filter: CountFilter, group: CountGroup | undefined, dailyOnly: boolean): Promise<Tallies> {
  if (filter.spans) return sumSpans(await Promise.all(spanFilters(filter).map((f) => sumTallies(db, f, group, dailyOnly))));
  const out: Tallies = { groups: new Map(), flagged: 0, unverified: 0 };
  const included = includedFlags(filter);
  if (filter.units && filter.units.length === 0) return out;
  const span = { from: filter.from, to: filter.to };
  const split = dailyOnly ? { months: null, days: [span] } : splitByWholeMonths(span);
  const reads: [TallyTable, DateSpan][] = split.days.map((d) => ['answer_tallies', d]);
  if (split.months) reads.push(['answer_tallies_monthly', split.months]);
  // Each group's answers summed by their stored key first, split into question and value once.
  const sums = new Map<string, Map<string, number>>();
  for (const [table, dates] of reads) {
    for (const row of await tallyRows(db, table, cutOf(filter, group, table), dates, filter, group)) {
      const responses = Number(row.responses);
      const flags = Number(row.flagged);
      if (flags & FLAG_REPEATED_TAP) out.flagged += responses;
      if (flags & FLAG_UNVERIFIED) out.unverified += responses;
      if (!included.includes(flags)) continue;
      const key = row.group_key ?? '';
      let sum = sums.get(key);
      if (!sum) {
        out.groups.set(key, emptyTally());
        sums.set(key, (sum = new Map()));
      }
      out.groups.get(key)!.responses += responses;
      const { keys, values } = countEntries(row.counts);
      for (let i = 0; i < keys.length; i++) sum.set(keys[i]!, (sum.get(keys[i]!) ?? 0) + values[i]!);
    }
  }
  for (const [key, sum] of sums) {
    const tally = out.groups.get(key)!;
    for (const [answer, n] of sum) {
      const [questionId, value] = splitAnswerKey(answer);
      addCount(tally, questionId, value, n);
    }
  }
  return out;
}

/** One filter per stretch of an organisation change, each with the codes covered then. */
export function spanFilters(filter: CountFilter): CountFilter[] {
  const out: CountFilter[] = [];
  for (const span of filter.spans ?? []) {
    const dates = overlap(filter, span);
    if (!dates) continue;
    const { spans: _, ...rest } = filter;
    out.push({ ...rest, ...dates, units: span.units });
  }
  return out;
}

/** The dates two ranges share (undefined ends are open), or null when they share none. */
export function overlap(a: { from?: string; to?: string }, b: { from?: string; to?: string }): { from?: string; to?: string } | null {
  const from = a.from === undefined ? b.from : b.from === undefined ? a.from : a.from > b.from ? a.from : b.from;
  const to = a.to === undefined ? b.to : b.to === undefined ? a.to : a.to < b.to ? a.to : b.to;
  return from !== undefined && to !== undefined && from > to ? null : { from, to };
}

function sumSpans(parts: Tallies[]): Tallies {
  const out: Tallies = { groups: new Map(), flagged: 0, unverified: 0 };
  for (const part of parts) {
    out.flagged += part.flagged;
    out.unverified += part.unverified;
    for (const [key, tally] of part.groups) {
      const into = out.groups.get(key);
      if (into) mergeInto(into, tally);
      else out.groups.set(key, tally);
    }
  }
  return out;
}

/** The values of the `flagged` key column whose answers the filter counts. */
export function includedFlags(f: Pick<CountFilter, 'includeFlagged' | 'includeUnverified'>): number[] {
  return [0, FLAG_REPEATED_TAP, FLAG_UNVERIFIED, FLAG_REPEATED_TAP | FLAG_UNVERIFIED].filter(
    (flags) => (f.includeFlagged || !(flags & FLAG_REPEATED_TAP)) && (f.includeUnverified || !(flags & FLAG_UNVERIFIED)),
  );
}

/** The cut of `table` that answers the filter and grouping. */
export function cutOf(f: CountFilter, group: CountGroup | undefined, table: TallyTable): CutName {
  const needed = new Set<CutColumn>();
  if (f.units) needed.add('unit_code');
  if (f.procedure !== undefined) needed.add('procedure_code');
  if (f.official !== undefined) needed.add('official_code');
  if (f.channel !== undefined) needed.add('channel');
  if (group && group !== 'local_date') needed.add(group);
  return cutFor(needed, table === 'answer_tallies');
}

/** The tally rows of one table that match the filter, each with its group's key; summed by the caller. */
async function tallyRows(db: Kysely<Database>, table: TallyTable, cut: CutName, dates: DateSpan, f: CountFilter, group?: CountGroup) {
  let q = db
    .selectFrom(table)
    .select(['flagged', 'responses', 'counts'])
    .where('survey_id', '=', f.surveyId)
    .where('cut', '=', cut);
  if (dates.from) q = q.where('local_date', '>=', dates.from);
  if (dates.to) q = q.where('local_date', '<=', dates.to);
  if (f.units) q = q.where('unit_code', 'in', [...f.units]);
  if (f.procedure !== undefined) q = q.where('procedure_code', '=', f.procedure);
  if (f.official !== undefined) q = q.where('official_code', '=', f.official);
  if (f.channel !== undefined) q = q.where('channel', '=', f.channel);
  if (!group) return (await q.execute()).map((r) => ({ ...r, group_key: undefined as string | undefined }));
  return q.select(`${group} as group_key`).execute();
}

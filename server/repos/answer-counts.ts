import type { Kysely } from 'kysely';
import type { Answers } from '../../survey-defs/check-answers';
import type { Database } from '../db/database';
import { executeInSlices, valuesList } from '../db/row-slices';
import type { AnswerTallyRow, NewAnswerTallyRow } from '../db/tables/answer-tallies';
import { CUTS, keptBy, keptByDay, type CutName } from './answer-count-cuts';
import { entriesOfText, type CountEntries } from './count-entries';

/** Bits of the `flagged` key column: why answers are left out of the figures unless asked for. */
export const FLAG_REPEATED_TAP = 1;
export const FLAG_UNVERIFIED = 2;

/** The `flagged` key of a response's counts. */
export function countFlags(r: Pick<CountedResponse, 'flagged' | 'verified'>): number {
  return (r.flagged ? FLAG_REPEATED_TAP : 0) | (r.verified ? 0 : FLAG_UNVERIFIED);
}

export interface CountedResponse {
  surveyId: string;
  localDate: string;
  unitCode: string;
  procedureCode: string;
  officialCode: string;
  channel: string;
  /** A repeated kiosk tap. */
  flagged: boolean;
  /** The channel was proven (server/responses/proof.ts); open-link answers are not. */
  verified: boolean;
  /** The ratings and choices; free-text answers are left out (they are read from the responses). */
  countedAnswers: Answers;
}

/** What some responses add to one row of the tallies: its key, the responses and each answer's count. */
export type TallyIncrement = Omit<AnswerTallyRow, 'cut' | 'counts'> & {
  cut: CutName;
  /** `<question id>:<value>` → how many gave it (negative to take away). */
  counts: Map<string, number>;
};

/** The key of an answer's count in a tally row; question ids have no ':', so the first one splits it. */
export const answerKey = (questionId: string, value: string) => `${questionId}:${value}`;

/** The question id and value of an answer key. */
export function splitAnswerKey(key: string): [questionId: string, value: string] {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** The 'full' daily increments of a batch of responses, one per key. */
export function countIncrements(responses: readonly CountedResponse[]): TallyIncrement[] {
  const rows = new Map<string, TallyIncrement>();
  for (const r of responses) {
    const flagged = countFlags(r);
    const key = keyOf(r.surveyId, r.localDate, r.unitCode, r.procedureCode, r.officialCode, r.channel, flagged);
    let row = rows.get(key);
    if (!row) {
      row = { survey_id: r.surveyId, cut: 'full', local_date: r.localDate, unit_code: r.unitCode, procedure_code: r.procedureCode, official_code: r.officialCode, channel: r.channel, flagged, responses: 0, counts: new Map() };
      rows.set(key, row);
    }
    row.responses += 1;
    for (const [qid, value] of Object.entries(r.countedAnswers)) {
      if (Array.isArray(value)) for (const option of value) add(row.counts, answerKey(qid, option), 1);
      else add(row.counts, answerKey(qid, String(value)), 1);
    }
  }
  return [...rows.values()];
}

/** The same increments taken away (e.g. when a response's flags change). */
export function negated(increments: readonly TallyIncrement[]): TallyIncrement[] {
  return increments.map((r) => ({ ...r, responses: -r.responses, counts: new Map([...r.counts].map(([k, n]) => [k, -n])) }));
}

/** The two tables of the tallies: by day, and by month (local_date = the month's first day). */
export const TALLY_TABLES = ['answer_tallies', 'answer_tallies_monthly'] as const;
export type TallyTable = (typeof TALLY_TABLES)[number];

/** The key columns of a tally row, its primary key. */
export const TALLY_KEY = ['survey_id', 'cut', 'local_date', 'unit_code', 'procedure_code', 'official_code', 'channel', 'flagged'] as const;
/** The columns of a tally row in the order the upserts take them. */
export const TALLY_COLUMNS = [...TALLY_KEY, 'responses', 'counts'] as const;

/**
 * What the 'full' daily increments add to each table, every cut of each, merged by key, in key
 * order (the order keeps concurrent PostgreSQL writers from deadlocking), counts as JSON. Rows
 * that add nothing are left out.
 *
 * The months are summed from the days' rows rather than from the increments again: a fold's
 * answers mostly share a day, so each month row is one day row under another date, whose counts
 * and JSON it takes as they are. A cut kept by month only is summed by day all the same, and
 * those days go to the months alone.
 */
export function tallyTableRows(increments: readonly TallyIncrement[]): [TallyTable, NewAnswerTallyRow[]][] {
  const days = new Map<string, Merging>();
  const daysForMonths = new Map<string, Merging>();
  for (const r of increments) {
    for (const cut of CUTS) {
      const unit = keptBy(cut, 'unit_code', r.unit_code);
      const procedure = keptBy(cut, 'procedure_code', r.procedure_code);
      const official = keptBy(cut, 'official_code', r.official_code);
      const channel = keptBy(cut, 'channel', r.channel);
      const key = keyOf(r.survey_id, cut.name, r.local_date, unit, procedure, official, channel, r.flagged);
      mergeRow(keptByDay(cut) ? days : daysForMonths, key, { survey_id: r.survey_id, cut: cut.name, local_date: r.local_date, unit_code: unit, procedure_code: procedure, official_code: official, channel, flagged: r.flagged, responses: r.responses, counts: r.counts });
    }
  }
  const months = new Map<string, Merging>();
  for (const r of [...days.values(), ...daysForMonths.values()]) {
    const month = `${r.local_date.slice(0, 7)}-01`;
    mergeRow(months, keyOf(r.survey_id, r.cut, month, r.unit_code, r.procedure_code, r.official_code, r.channel, r.flagged), { ...r, local_date: month });
  }
  const json = new Map<Map<string, number>, string | null>();
  return [
    ['answer_tallies', tableRows(days, json)],
    ['answer_tallies_monthly', tableRows(months, json)],
  ];
}

/** A row being summed; its counts may still be another row's (or an increment's) map until it merges a second. */
type Merging = TallyIncrement & { owned: boolean };

function mergeRow(rows: Map<string, Merging>, key: string, r: TallyIncrement): void {
  const known = rows.get(key);
  if (!known) {
    rows.set(key, { ...r, owned: false });
    return;
  }
  if (!known.owned) {
    known.counts = new Map(known.counts);
    known.owned = true;
  }
  known.responses += r.responses;
  for (const [k, n] of r.counts) add(known.counts, k, n);
}

/** The rows in key order with their counts as JSON (null: nothing to add), each map serialised once. */
function tableRows(rows: Map<string, Merging>, json: Map<Map<string, number>, string | null>): NewAnswerTallyRow[] {
  const out: NewAnswerTallyRow[] = [];
  for (const key of [...rows.keys()].sort()) {
    const { owned: _, ...r } = rows.get(key)!;
    let counts = json.get(r.counts);
    if (counts === undefined) {
      const held: Record<string, number> = {};
      let any = false;
      for (const [k, n] of r.counts) if (n !== 0) (held[k] = n), (any = true);
      counts = any ? JSON.stringify(held) : null;
      json.set(r.counts, counts);
    }
    if (counts !== null || r.responses !== 0) out.push({ ...r, counts: counts ?? '{}' });
  }
  return out;
}

function add(counts: Map<string, number>, key: string, n: number) {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/** Key columns joined in primary-key order, so that sorting keys sorts rows in key order. */
const keyOf = (...parts: (string | number)[]) => parts.join('\u0000');

/**
 * Adds the increments to the tallies, by day and by month, every cut, inside the caller's
 * transaction: a fold's (server/tallies/fold-tallies.ts), or one that moves counts from one key
 * to another (classify-legacy.ts). Negative increments take counts away.
 */
export async function addAnswerCounts(trx: Kysely<Database>, increments: readonly TallyIncrement[]): Promise<void> {
  // Rows stay in key order across statements (see tallyTableRows).
  for (const [table, rows] of tallyTableRows(increments)) await executeInSlices(trx, table, rows, TALLY_COLUMNS, (size, postgres) => upsertSql(table, size, postgres));
}

/**
 * insert … on conflict (key) do update, adding the responses and merging the answers' counts:
 * the sum of both per answer key, keys whose sum is 0 left out. The merge is done by the database
 * in the upsert itself, so two servers adding to one row at once both count.
 *
 * Both objects are taken apart into (key, count) rows, summed by key and put together again, on
 * SQLite as on PostgreSQL. The rows are added to by folds of hundreds of answers
 * (tallies/fold-tallies.ts), which bring most of a busy row's keys: looking each of the
 * increment's keys up in the stored object instead (`->>`, which walks the object each time)
 * costs the product of the two sizes, and held the write lock longer (see tests/bench/NOTES.md).
 */
export function upsertSql(table: TallyTable, rows: number, postgres: boolean): string {
  const [each, object, count, empty] = postgres
    ? ['jsonb_each_text', 'jsonb_object_agg', 'value::bigint', "'{}'::jsonb"]
    : ['json_each', 'json_group_object', 'value', "'{}'"];
  const merged = `(select coalesce(${object}(key, total), ${empty}) from (select key, sum(${count}) as total from
    (select key, value from ${each}(${table}.counts) union all select key, value from ${each}(excluded.counts)) as parts
    group by key having sum(${count}) <> 0) as sums)`;
  return `insert into ${table} (${TALLY_COLUMNS.join(', ')}) values ${valuesList(TALLY_COLUMNS.length, rows, postgres)} on conflict (${TALLY_KEY.join(', ')}) do update set responses = ${table}.responses + excluded.responses, counts = ${merged}`;
}

/**
 * The upsert's merge of two counts objects as JSON text (SQLite's form): the sum per answer key,
 * keys whose sum is 0 left out, in key order. For SQLite's fold merged ahead of its turn
 * (tallies/fold-ahead.ts); `held` is undefined for a row not stored yet. A stored row is in key
 * order already (the upsert's GROUP BY, or this), so the two are merged in one pass; a row in any
 * other order is summed and sorted whole.
 */
export function mergedCounts(held: string | undefined, added: string): string {
  const stored = held === undefined ? NO_ENTRIES : entriesOfText(held);
  const adds = entriesOfText(added);
  const order = adds.keys.map((_, i) => i).sort((x, y) => compareKeys(adds.keys[x]!, adds.keys[y]!));
  for (let i = 1; i < stored.keys.length; i++) if (compareKeys(stored.keys[i - 1]!, stored.keys[i]!) >= 0) return mergedBySorting([stored, adds]);
  for (let i = 1; i < order.length; i++) if (adds.keys[order[i - 1]!] === adds.keys[order[i]!]) return mergedBySorting([stored, adds]);
  const parts: string[] = [];
  const put = (key: string, n: number) => n !== 0 && parts.push(`${JSON.stringify(key)}:${n}`);
  let j = 0;
  for (let i = 0; i < stored.keys.length; i++) {
    const key = stored.keys[i]!;
    for (; j < order.length && compareKeys(adds.keys[order[j]!]!, key) < 0; j++) put(adds.keys[order[j]!]!, adds.values[order[j]!]!);
    if (j < order.length && adds.keys[order[j]!] === key) put(key, stored.values[i]! + adds.values[order[j++]!]!);
    else put(key, stored.values[i]!);
  }
  for (; j < order.length; j++) put(adds.keys[order[j]!]!, adds.values[order[j]!]!);
  return `{${parts.join(',')}}`;
}

const NO_ENTRIES: CountEntries = { keys: [], values: [] };

/** JavaScript's order (UTF-16 code units). SQLite's (UTF-8 bytes) is the same for ASCII; a row in another order is sorted whole. */
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function mergedBySorting(parts: CountEntries[]): string {
  const sums = new Map<string, number>();
  for (const { keys, values } of parts) keys.forEach((key, i) => add(sums, key, values[i]!));
  const merged: Record<string, number> = {};
  // Answer keys have a ':', so none reads as an array index and the object keeps this order.
  for (const key of [...sums.keys()].sort()) if (sums.get(key) !== 0) merged[key] = sums.get(key)!;
  return JSON.stringify(merged);
}

/** A tally row's counts as read: JSON text on SQLite, already an object on PostgreSQL. */
export function parseCounts(counts: string | Record<string, number>): Record<string, number> {
  return typeof counts === 'string' ? (JSON.parse(counts) as Record<string, number>) : counts;
}

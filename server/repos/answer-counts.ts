import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import type { Answers } from '../../survey-defs/check-answers';
import type { Database } from '../db/database';
import type { NewAnswerCountRow } from '../db/tables/answer-counts';
import type { NewAnswerRollupRow } from '../db/tables/answer-counts-rollups';
import { cutIncrements } from './answer-count-cuts';

/** The question id under which every stored response adds one, so responses can be counted. */
export const RESPONSE_COUNT_KEY = '*';

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

/**
 * The aggregate rows one batch of responses adds to, merged by key and in key order (a fixed
 * order keeps two concurrent PostgreSQL transactions from deadlocking on the same rows).
 */
export function countIncrements(responses: readonly CountedResponse[]): NewAnswerCountRow[] {
  const rows = new Map<string, NewAnswerCountRow>();
  for (const r of responses) {
    const flagged = countFlags(r);
    const prefix = keyOf(r.surveyId, r.localDate, r.unitCode, r.procedureCode, r.officialCode, r.channel, flagged);
    // The key is built first and a row object only made for a new key: this runs per answer.
    const add = (question_id: string, value: string) => {
      const key = keyOf(prefix, question_id, value);
      const known = rows.get(key);
      if (known) known.n += 1;
      else rows.set(key, { survey_id: r.surveyId, local_date: r.localDate, unit_code: r.unitCode, procedure_code: r.procedureCode, official_code: r.officialCode, channel: r.channel, flagged, question_id, value, n: 1 });
    };
    add(RESPONSE_COUNT_KEY, '');
    for (const [qid, value] of Object.entries(r.countedAnswers)) {
      if (Array.isArray(value)) for (const option of value) add(qid, option);
      else add(qid, String(value));
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** Key columns joined in primary-key order, so that sorting keys sorts rows in key order. */
const keyOf = (...parts: (string | number)[]) => parts.join('\u0000');
const countKey = (r: NewAnswerCountRow) => keyOf(r.survey_id, r.local_date, r.unit_code, r.procedure_code, r.official_code, r.channel, r.flagged, r.question_id, r.value);

/** The same increments rolled up to months (local_date = the month's first day), merged and in key order. */
export function monthlyIncrements(daily: readonly NewAnswerCountRow[]): NewAnswerCountRow[] {
  const rows = new Map<string, NewAnswerCountRow>();
  for (const d of daily) {
    const row = { ...d, local_date: `${d.local_date.slice(0, 7)}-01` };
    const key = countKey(row);
    const known = rows.get(key);
    if (known) known.n += row.n;
    else rows.set(key, row);
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

const KEY = ['survey_id', 'local_date', 'unit_code', 'procedure_code', 'official_code', 'channel', 'flagged', 'question_id', 'value'] as const;
const ROLLUP_KEY = ['survey_id', 'cut', ...KEY.slice(1)] as const;

/** The aggregate tables, each with its key columns in primary-key order. */
export const COUNT_TABLES = {
  answer_counts: KEY,
  answer_counts_monthly: KEY,
  answer_rollups: ROLLUP_KEY,
  answer_rollups_monthly: ROLLUP_KEY,
} as const;
export type CountTable = keyof typeof COUNT_TABLES;

/**
 * What a batch's increments add to each aggregate table: the daily rows, their monthly roll-up,
 * and the cuts of both (answer-count-cuts.ts). Each list is merged by key and in key order.
 */
export function countTableRows(increments: NewAnswerCountRow[]): [CountTable, (NewAnswerCountRow | NewAnswerRollupRow)[]][] {
  const monthly = monthlyIncrements(increments);
  return [
    ['answer_counts', increments],
    ['answer_counts_monthly', monthly],
    ['answer_rollups', cutIncrements(increments)],
    ['answer_rollups_monthly', cutIncrements(monthly)],
  ];
}

/** Rows per statement on SQLite: a few fixed sizes, so the same few statements are prepared once and reused. */
const SQLITE_SIZES = [128, 32, 8, 2, 1];
/** Rows per statement on PostgreSQL, where each statement is a round trip: as many as fit. */
const PG_CHUNK = 1000;

/**
 * Adds the increments to the daily aggregate table, its monthly roll-up and their cuts; call
 * inside the transaction that stores them. A negative n takes counts away (e.g. when a flag is changed).
 *
 * The statements are written here rather than built with Kysely: a response adds to dozens of
 * rows of ten columns each, and building and compiling those as query nodes was the largest
 * share of the submit path's own CPU time (see the README, "Where the submit time goes").
 */
export async function addAnswerCounts(trx: Kysely<Database>, increments: NewAnswerCountRow[]): Promise<void> {
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  for (const [table, rows] of countTableRows(increments)) {
    const columns = [...COUNT_TABLES[table], 'n'] as const;
    // Rows stay in key order across statements (see countIncrements).
    for (let i = 0; i < rows.length; ) {
      const left = rows.length - i;
      const size = postgres ? Math.min(left, PG_CHUNK) : SQLITE_SIZES.find((s) => s <= left)!;
      const params: unknown[] = [];
      for (const row of rows.slice(i, i + size)) for (const column of columns) params.push((row as Record<string, unknown>)[column]);
      await trx.executeQuery(CompiledQuery.raw(upsertSql(table, size, postgres), params));
      i += size;
    }
  }
}

const statements = new Map<string, string>();

/** insert … on conflict (key) do update set n = n + excluded.n, for `rows` rows; the same text each time. */
export function upsertSql(table: CountTable, rows: number, postgres: boolean): string {
  const id = `${table} ${rows} ${postgres}`;
  let text = statements.get(id);
  if (!text) {
    const key = COUNT_TABLES[table];
    const columns = [...key, 'n'];
    let p = 0;
    const tuple = () => `(${columns.map(() => (postgres ? `$${++p}` : '?')).join(', ')})`;
    const values = Array.from({ length: rows }, tuple).join(', ');
    text = `insert into ${table} (${columns.join(', ')}) values ${values} on conflict (${key.join(', ')}) do update set n = ${table}.n + excluded.n`;
    statements.set(id, text);
  }
  return text;
}

// The tallies are kept by folding. The transaction that stores a batch of responses queues what
// each adds (tally_queue, one small row each) instead of merging into the tally rows itself; a
// fold then adds hundreds of queued responses to the tallies at once and deletes them from the
// queue, in one transaction. The busiest tally rows (the whole organisation's, today, by day
// and by month) were rewritten by every batch of a few dozen answers, which cost more than
// everything else the submit path does (see tests/bench/NOTES.md); folded, they are rewritten
// once for hundreds.
//
// What readers see does not change: every read of the tallies folds the queue first
// (repos/score-counts.ts), so the figures always hold every response stored before the read, and
// a response is added exactly once, because the same transaction adds its counts and deletes its
// queue row. A background fold (tally-folder.ts) keeps the queue short so that a read seldom
// has any to do.
import { sql, type Kysely } from 'kysely';
import type { Answers } from '../../survey-defs/check-answers';
import type { Database } from '../db/database';
import { isReadOnly } from '../db/read-only';
import { WriteTurns } from '../db/write-turns';
import { executeInSlices, isPostgres, valuesList } from '../db/row-slices';
import type { NewTallyQueueRow, TallyQueueRow } from '../db/tables/tally-queue';
import { addAnswerCounts, countFlags, countIncrements, FLAG_REPEATED_TAP, FLAG_UNVERIFIED, type CountedResponse } from '../repos/answer-counts';

/**
 * Queued responses added per fold transaction. Rewriting a busy row costs about as much for 2,000
 * answers as for 500, so a bigger chunk rewrites each row less often (with the later start of
 * FOLD_DELAY_MS). On SQLite a chunk holds the one writer for its turn, but what the turn writes
 * is merged ahead (fold-ahead.ts) and grows with the rows touched, not the answers: four turns of
 * 500 held the writer longer than one of 2,000, and the submit ran slower (tests/bench/NOTES.md).
 */
export const FOLD_CHUNK_SIZE = 2_000;

/** How long after the first answer queued the background fold starts: the longer, the more it folds at once. */
export const FOLD_DELAY_MS = 500;
/** PostgreSQL: folds on every server take turns under this transaction lock (an arbitrary constant of ours). */
const FOLD_LOCK = 7_146_701;

const COLUMNS = ['response_id', 'survey_id', 'local_date', 'unit_code', 'procedure_code', 'official_code', 'channel', 'flagged', 'answers'] as const;

/** Queues what the responses add to the tallies; call inside the transaction that stores them. */
export async function queueTallies(trx: Kysely<Database>, responses: readonly (CountedResponse & { id: string })[]): Promise<void> {
  await executeInSlices(trx, 'tally_queue', responses.map(queueRow), COLUMNS, (rows, postgres) => `insert into tally_queue (${COLUMNS.join(', ')}) values ${valuesList(COLUMNS.length, rows, postgres)}`);
}

function queueRow(r: CountedResponse & { id: string }): NewTallyQueueRow {
  return {
    response_id: r.id, survey_id: r.surveyId, local_date: r.localDate, unit_code: r.unitCode, procedure_code: r.procedureCode,
    official_code: r.officialCode, channel: r.channel, flagged: countFlags(r), answers: JSON.stringify(r.countedAnswers),
  };
}

/** The key columns a queued row shares with its response's row, by the same names. */
export const QUEUE_SHARED_COLUMNS = ['survey_id', 'local_date', 'unit_code', 'procedure_code', 'official_code', 'channel'] as const;

/**
 * PostgreSQL: the clause that queues, in the statement that inserts the responses, those a WITH
 * query named `inserted` returned (their `id` and QUEUE_SHARED_COLUMNS); `tallies` is a VALUES list of
 * `(id, flagged, answers)` as queuedCounts gives them. One statement instead of two: each a batch
 * sends is a round trip that wakes PostgreSQL's process and then ours (tests/bench/NOTES.md).
 */
export function queueInsertedSql(tallies: string): string {
  const shared = QUEUE_SHARED_COLUMNS.map((c) => `inserted.${c}`).join(', ');
  return `insert into tally_queue (response_id, ${QUEUE_SHARED_COLUMNS.join(', ')}, flagged, answers) select inserted.id, ${shared}, t.flagged::integer, t.answers from inserted join (values ${tallies}) as t (id, flagged, answers) on t.id = inserted.id`;
}

/** What queueInsertedSql takes of a response beyond its row: its tally key's flag bits and counted answers. */
export function queuedCounts(r: CountedResponse): { tally_flagged: number; tally_answers: string } {
  return { tally_flagged: countFlags(r), tally_answers: JSON.stringify(r.countedAnswers) };
}

/**
 * Adds every queued response to the tallies and empties the queue; answers how many it added.
 * Inside a transaction it folds in that transaction; otherwise in transactions of its own.
 * `once` folds one chunk: the background folder's goes to the fold thread (tally-folder.ts).
 */
export async function foldTallies(db: Kysely<Database>, once: () => Promise<number> = turnTaking(db)): Promise<number> {
  let folded = 0;
  for (;;) {
    const n = await once();
    folded += n;
    if (n < FOLD_CHUNK_SIZE) return folded;
    // SQLite works on this thread: let the requests waiting meanwhile go first.
    if (!db.isTransaction) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** One chunk at a time, in its turn at the write lock when the server shares turns on `db` (db/write-turns.ts). */
function turnTaking(db: Kysely<Database>): () => Promise<number> {
  const turns = db.isTransaction ? undefined : WriteTurns.of(db);
  return turns ? () => turns.take(() => foldOnce(db)) : () => foldOnce(db);
}

/**
 * Adds the first FOLD_CHUNK_SIZE queued responses (or all, when fewer) to the tallies, in a
 * transaction of their own unless `db` is one; answers how many. The background fold
 * (tally-folder.ts) calls it, chunk after chunk, and on SQLite from a thread of its own.
 */
export async function foldOnce(db: Kysely<Database>): Promise<number> {
  // SQLite's read-only connection (exports, the themes) cannot fold: it reads the tallies as last
  // folded, a moment behind at most, and only ever short of the responses, never beyond them.
  if (isReadOnly(db) || !(await anyQueued(db))) return 0;
  return db.isTransaction ? foldChunk(db) : db.transaction().execute(foldChunk);
}

async function anyQueued(db: Kysely<Database>): Promise<boolean> {
  // By its key, as the fold reads it: PostgreSQL would otherwise scan the heap from its first
  // page, through every row the folds deleted since the last vacuum (thousands a second under
  // load), where the key's index skips the entries it has found dead once.
  return (await db.selectFrom('tally_queue').select('seq').orderBy('seq').limit(1).executeTakeFirst()) !== undefined;
}

async function foldChunk(trx: Kysely<Database>): Promise<number> {
  // Two folds at once would add the same queued rows twice: on PostgreSQL the second waits here,
  // then reads the queue as the first left it. (SQLite has one writer.)
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${FOLD_LOCK})`.execute(trx);
  const rows = await readQueueHead(trx);
  if (!rows.length) return 0;
  await addAnswerCounts(trx, countIncrements(rows.map(counted)));
  // By their numbers, not up to the last: on PostgreSQL another server's batch may commit a lower one later.
  await trx.deleteFrom('tally_queue').where('seq', 'in', rows.map((r) => r.seq)).execute();
  return rows.length;
}

/** The next chunk of the queue: a fold takes from its first pages as batches append to its last. */
export function readQueueHead(trx: Kysely<Database>): Promise<TallyQueueRow[]> {
  return trx.selectFrom('tally_queue').selectAll().orderBy('seq').limit(FOLD_CHUNK_SIZE).execute();
}

/** What a queued row adds. */
export function counted(row: TallyQueueRow): CountedResponse {
  const flags = Number(row.flagged);
  return {
    surveyId: row.survey_id, localDate: row.local_date, unitCode: row.unit_code, procedureCode: row.procedure_code,
    officialCode: row.official_code, channel: row.channel, flagged: (flags & FLAG_REPEATED_TAP) !== 0,
    verified: (flags & FLAG_UNVERIFIED) === 0, countedAnswers: JSON.parse(row.answers) as Answers,
  };
}

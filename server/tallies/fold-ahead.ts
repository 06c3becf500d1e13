// SQLite's background fold in two steps, so that the file's one write lock is held only to write.
// The server's writer waits while the fold holds it, and with it every request in the batch
// (db/write-turns.ts); merging a chunk's counts into the busy rows held it 15–20 ms a chunk.
//
// Ahead of its turn, on the fold thread's connection and outside any transaction (one would take
// the write lock: db/sqlite-connection.ts), a chunk is read and merged: the first queued answers,
// the tally rows they add to as they are now, and those rows as they will be. In its turn, one
// write transaction claims exactly those queue rows (by number and response id: numbers are used
// again once the queue has emptied) and reads the tally rows again. A row that another fold
// changed meanwhile (a command-line read on the same file folds too) is merged again from what it
// holds now; the others are written as merged. So, whatever happened between the two steps, the
// transaction adds exactly the answers it takes off the queue to the rows as they are, as the
// one-step fold (fold-tallies.ts) does. When another fold took any of the chunk's queue rows
// first, nothing is written and the caller folds in one step.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { isReadOnly } from '../db/read-only';
import { executeInSlices, isPostgres, valuesList } from '../db/row-slices';
import type { NewAnswerTallyRow } from '../db/tables/answer-tallies';
import { countIncrements, mergedCounts, TALLY_COLUMNS, TALLY_KEY, tallyTableRows, type TallyTable } from '../repos/answer-counts';
import { counted, readQueueHead } from './fold-tallies';

/** A tally row's totals as stored. */
interface StoredTotals {
  responses: number;
  counts: string;
}

/** A chunk read and merged ahead of its turn. */
export interface FoldAhead {
  /** The queue rows it adds, to be taken off the queue in the turn. */
  queued: { seq: number; response_id: string }[];
  tables: {
    table: TallyTable;
    /** What the chunk adds to each row, in key order. */
    adds: NewAnswerTallyRow[];
    /** Each row's totals when read (undefined: no such row yet). */
    read: (StoredTotals | undefined)[];
    /** Each row as it will be written, if it still holds what was read. */
    merged: NewAnswerTallyRow[];
  }[];
}

/** Reads and merges the next chunk (SQLite only; undefined when nothing is queued). */
export async function foldAhead(db: Kysely<Database>): Promise<FoldAhead | undefined> {
  if (isReadOnly(db) || isPostgres(db)) return undefined;
  // Statements of their own, not one snapshot: the turn checks everything it takes from here.
  const queued = await readQueueHead(db);
  if (!queued.length) return undefined;
  const tables: FoldAhead['tables'] = [];
  for (const [table, adds] of tallyTableRows(countIncrements(queued.map(counted)))) {
    const read = await readTotals(db, table, adds);
    tables.push({ table, adds, read, merged: adds.map((add, i) => mergedRow(add, read[i])) });
  }
  return { queued: queued.map(({ seq, response_id }) => ({ seq, response_id })), tables };
}

/**
 * In the write lock's turn: adds the chunk merged ahead and takes it off the queue, in one
 * transaction. Answers how many answers it added, or undefined (and changes nothing) when another
 * fold took some of them first.
 */
export async function foldMerged(db: Kysely<Database>, ahead: FoldAhead): Promise<number | undefined> {
  try {
    return await db.transaction().execute(async (trx) => {
      const claimed = await executeInSlices(trx, 'tally_queue claim', ahead.queued, ['seq', 'response_id'], (n) =>
        `delete from tally_queue where (seq, response_id) in (values ${valuesList(2, n, false)}) returning seq`);
      if (claimed.length !== ahead.queued.length) throw new TakenMeanwhile();
      for (const { table, adds, read, merged } of ahead.tables) {
        const now = await readTotals(trx, table, adds);
        const rows = merged.map((row, i) => (sameTotals(now[i], read[i]) ? row : mergedRow(adds[i]!, now[i])));
        await executeInSlices(trx, `${table} overwrite`, rows, TALLY_COLUMNS, (n) =>
          `insert into ${table} (${TALLY_COLUMNS.join(', ')}) values ${valuesList(TALLY_COLUMNS.length, n, false)} on conflict (${TALLY_KEY.join(', ')}) do update set responses = excluded.responses, counts = excluded.counts`);
      }
      return ahead.queued.length;
    });
  } catch (error) {
    if (error instanceof TakenMeanwhile) return undefined;
    throw error;
  }
}

/** Thrown to roll the turn's transaction back: another fold added some of the chunk already. */
class TakenMeanwhile extends Error {}

/** The stored totals of the rows `adds` add to, in the same order. */
async function readTotals(trx: Kysely<Database>, table: TallyTable, adds: readonly NewAnswerTallyRow[]): Promise<(StoredTotals | undefined)[]> {
  const found = await executeInSlices<NewAnswerTallyRow, NewAnswerTallyRow>(trx, `${table} totals`, adds, TALLY_KEY, (n) =>
    `select ${TALLY_COLUMNS.join(', ')} from ${table} where (${TALLY_KEY.join(', ')}) in (values ${valuesList(TALLY_KEY.length, n, false)})`);
  const byKey = new Map(found.map((r) => [keyOf(r), { responses: Number(r.responses), counts: String(r.counts) }]));
  return adds.map((add) => byKey.get(keyOf(add)));
}

const keyOf = (row: NewAnswerTallyRow) => TALLY_KEY.map((column) => row[column]).join('\u0000');

/** The row with the chunk's answers added to what it held (the upsert's sum, done here). */
function mergedRow(add: NewAnswerTallyRow, held: StoredTotals | undefined): NewAnswerTallyRow {
  return { ...add, responses: (held?.responses ?? 0) + Number(add.responses ?? 0), counts: mergedCounts(held?.counts, String(add.counts)) };
}

function sameTotals(a: StoredTotals | undefined, b: StoredTotals | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.responses === b.responses && a.counts === b.counts;
}

// The background fold (tally-folder.ts) on a thread of its own, with its own connection, so that
// its work is not the server's thread's. On SQLite, better-sqlite3 runs a fold's statements to
// their end on the thread that calls them: on the server's thread a fold of 500 answers held
// every request for 16 ms (answers of today) to 80 ms (dated over a year). On PostgreSQL the
// server's thread built the fold's rows and read the database's answers. Each message asks for
// one chunk (foldOnce) and is answered with how many answers it added, so that on SQLite the
// server can give the write lock to its writer between chunks (db/write-turns.ts). On SQLite the
// server first asks the thread to read and merge the chunk ahead of its turn (fold-ahead.ts), so
// that the turn only writes.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type DatabaseConfig } from '../db/open-database';
import { foldAhead, foldMerged, type FoldAhead } from './fold-ahead';
import { foldOnce } from './fold-tallies';

export interface FoldThreadData {
  /** This module, as thread-entry.mjs loads it. */
  entry: string;
  database: DatabaseConfig;
}

export type FoldReply = { id: number; folded: number } | { id: number; error: string };

const { db } = openDatabase((workerData as FoldThreadData).database);

/** `ahead`: read and merge the next chunk, adding nothing yet; otherwise fold a chunk, in the write lock's turn. */
export type FoldStep = 'ahead' | 'fold';

/** The chunk merged ahead of the next turn, if any. */
let merged: FoldAhead | undefined;

async function fold(step: FoldStep): Promise<number> {
  if (step === 'ahead') {
    merged = await foldAhead(db);
    return 0;
  }
  const ahead = merged;
  merged = undefined;
  // Merged ahead and still all queued: written as merged; otherwise folded in one step.
  return (ahead && (await foldMerged(db, ahead))) ?? foldOnce(db);
}

parentPort!.on('message', ({ id, step }: { id: number; step: FoldStep }) => {
  fold(step).then(
    (folded) => parentPort!.postMessage({ id, folded } satisfies FoldReply),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies FoldReply),
  );
});

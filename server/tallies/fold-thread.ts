// The background fold of a SQLite file (tally-folder.ts) on a thread of its own, with its own
// connection. better-sqlite3 runs a fold's statements to their end on the thread that calls them;
// on the server's thread a fold of 500 answers held every request for 16 ms (answers of today)
// to 80 ms (dated over a year). Here the server goes on meanwhile, and the fold uses the
// machine's other core. Each message asks for one chunk (foldOnce) and is answered with how many
// answers it added, so the server can give the write lock to its writer between chunks
// (db/write-turns.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open-database';
import { foldOnce } from './fold-tallies';

export interface FoldThreadData {
  entry: string;
  file: string;
  synchronous: 'FULL' | 'NORMAL';
}

export type FoldReply = { id: number; folded: number } | { id: number; error: string };

const { file, synchronous } = workerData as FoldThreadData;
const { db } = openDatabase({ dialect: 'sqlite', file, synchronous });

parentPort!.on('message', (id: number) => {
  foldOnce(db).then(
    (folded) => parentPort!.postMessage({ id, folded } satisfies FoldReply),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies FoldReply),
  );
});

// The response writer thread (see writer-thread.ts): owns a SQLite connection of its own and
// stores the batches the main thread sends, each in one transaction, answering once it has
// committed (synchronous=FULL: on disk).
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteWriter } from '../db/open-database';
import { repeatTapGuard } from '../kiosk/repeat-tap-guard';
import { storeResponses, type BatchGuard, type PendingResponse } from '../repos/responses';
import type { ThreadReply, ThreadRequest, WriterThreadOptions } from './writer-thread';

const options = workerData as WriterThreadOptions;
const { db } = openSqliteWriter(options.file, options.synchronous);
const guards = new Map<string, BatchGuard>([[repeatTapGuard.name, repeatTapGuard]]);
parentPort!.postMessage({ kind: 'ready' } satisfies ThreadReply);

parentPort!.on('message', async (request: ThreadRequest) => {
  if (request.kind === 'close') {
    await db.destroy();
    parentPort!.postMessage({ kind: 'closed' } satisfies ThreadReply);
    return;
  }
  const batch: PendingResponse[] = request.batch.map(({ batchGuardName, ...response }) => ({ ...response, ...(batchGuardName ? { batchGuard: guards.get(batchGuardName)! } : {}) }));
  try {
    const outcomes = await db.transaction().execute((trx) => storeResponses(trx, batch));
    parentPort!.postMessage({ kind: 'stored', id: request.id, outcomes, flagged: batch.map((r) => r.flagged) } satisfies ThreadReply);
  } catch (error) {
    // Nothing of the batch was committed (the transaction rolled back).
    parentPort!.postMessage({ kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) } satisfies ThreadReply);
  }
});

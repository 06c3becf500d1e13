import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { storeResponses, type PendingResponse, type StoreOutcome } from '../repos/responses';
import type { WriterThread } from './writer-thread';

interface Waiting {
  response: PendingResponse;
  resolve: (outcome: StoreOutcome) => void;
  reject: (error: unknown) => void;
}

export interface ResponseWriterOptions {
  /** How long the first response of a batch waits for company before the commit. */
  batchWindowMs: number;
  maxBatch: number;
}

/**
 * Group commit: responses that arrive together are written in one transaction, and each caller
 * is answered only after that transaction has committed. One disk flush then serves many
 * responses, which is what makes full durability (synchronous=FULL) affordable.
 */
export class ResponseWriter {
  private queue: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: ResponseWriterOptions = { batchWindowMs: 2, maxBatch: 256 },
    /** SQLite: the thread that stores what it can (writer-thread.ts); the rest is stored on `db`. */
    private readonly thread?: WriterThread,
  ) {}

  /** Resolves once the response is durably stored (or known to be a replay or conflict). */
  write(response: PendingResponse): Promise<StoreOutcome> {
    if (this.closed) return Promise.reject(new WriterClosedError());
    return new Promise((resolve, reject) => {
      this.queue.push({ response, resolve, reject });
      this.schedule();
    });
  }

  /** Stops accepting, writes what is queued, and resolves when the last batch has committed. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length && !this.flushing) this.flush();
    await this.flushing;
    await this.thread?.close();
  }

  private schedule(): void {
    if (this.flushing) return; // the running flush takes everything queued when it finishes
    if (this.queue.length >= this.options.maxBatch || this.options.batchWindowMs === 0) {
      this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.options.batchWindowMs);
    }
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = (async () => {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.options.maxBatch);
        await this.writeBatch(batch);
      }
    })().finally(() => {
      this.flushing = undefined;
      if (this.queue.length) this.schedule();
    });
  }

  private store(responses: PendingResponse[]): Promise<StoreOutcome[]> {
    return storeSplit(this.db, this.thread, responses);
  }

  private async writeBatch(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.store(batch.map((w) => w.response));
      batch.forEach((w, i) => w.resolve(outcomes[i]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One bad response must not sink the others: retry each on its own.
      for (const w of batch) await this.writeBatch([w]);
    }
  }
}

/** One batch, each response on the thread if it takes it, else here; outcomes in batch order. */
async function storeSplit(db: Kysely<Database>, thread: WriterThread | undefined, responses: PendingResponse[]): Promise<StoreOutcome[]> {
  const threaded = thread ? responses.map((r) => thread.takes(r)) : [];
  if (!threaded.includes(true)) return db.transaction().execute((trx) => storeResponses(trx, responses));
  if (!threaded.includes(false)) return thread!.store(responses);
  // Rare (a kiosk's answer and a paper form in one batch): the thread's part first, then the rest,
  // so that an id in both parts is judged as a resend.
  const onThread = await thread!.store(responses.filter((_, i) => threaded[i]));
  const here = await db.transaction().execute((trx) => storeResponses(trx, responses.filter((_, i) => !threaded[i])));
  return threaded.map((t) => (t ? onThread.shift()! : here.shift()!));
}

export class WriterClosedError extends Error {
  constructor() {
    super('the server is shutting down');
    this.name = 'WriterClosedError';
  }
}

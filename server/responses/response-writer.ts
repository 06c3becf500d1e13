import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { WriteTurns } from '../db/write-turns';
import { storeResponses, type PendingResponse, type StoreOutcome } from '../repos/responses';

interface Waiting {
  response: PendingResponse;
  resolve: (outcome: StoreOutcome) => void;
  reject: (error: unknown) => void;
}

export interface ResponseWriterOptions {
  /**
   * The longest the first response of a batch waits for company before the commit. The batch
   * goes sooner when a turn of the event loop brings no new response (see `schedule`).
   */
  batchWindowMs: number;
  maxBatch: number;
  /** Told after a batch that stored new responses has committed (e.g. TallyFolder.queued). */
  onStored?: () => void;
  /** Turns at the write lock shared with the fold thread (SQLite; db/write-turns.ts). */
  turns?: WriteTurns;
}

/**
 * Group commit: responses that arrive together are written in one transaction, and each caller
 * is answered only after that transaction has committed. One disk flush then serves many
 * responses, which is what makes full durability (synchronous=FULL) affordable.
 */
export class ResponseWriter {
  private queue: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;
  private quietCheck: NodeJS.Immediate | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    // No default: the server takes its window from GROUP_COMMIT_MS (env.ts), tests set their own.
    private readonly options: ResponseWriterOptions,
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
    if (this.queue.length && !this.flushing) this.flush();
    await this.flushing;
  }

  // The batch is written at the first turn of the event loop that brought no new response, or
  // when the window ends if every turn brings more. Each turn reads every request that has arrived,
  // so a quiet turn means that the clients still to come are not here yet. With the window alone,
  // a machine with cores to spare sat idle until it ended while every client waited for the batch
  // (the thread busy 0.66 of the time, 0.41 of the bare insert; tests/bench/NOTES.md); on a busy
  // machine every turn brings more, and the window sets the batch as before.
  private schedule(): void {
    if (this.flushing) return; // the running flush takes everything queued when it finishes
    if (this.queue.length >= this.options.maxBatch || this.options.batchWindowMs === 0) {
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => this.flush(), this.options.batchWindowMs);
    this.quietCheck ??= setImmediate(this.flushIfQuiet, this.queue.length);
  }

  /** In the loop's check phase, after it has read what arrived: writes the batch unless the turn brought more. */
  private readonly flushIfQuiet = (queuedBefore: number): void => {
    this.quietCheck = undefined;
    if (this.flushing || !this.queue.length) return;
    if (this.queue.length === queuedBefore) this.flush();
    else this.quietCheck = setImmediate(this.flushIfQuiet, this.queue.length);
  };

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.quietCheck) clearImmediate(this.quietCheck);
    this.timer = this.quietCheck = undefined;
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

  private async writeBatch(batch: Waiting[]): Promise<void> {
    try {
      const store = () => this.db.transaction().execute((trx) => storeResponses(trx, batch.map((w) => w.response)));
      const outcomes = await (this.options.turns ? this.options.turns.take(store) : store());
      batch.forEach((w, i) => w.resolve(outcomes[i]!));
      if (outcomes.some((o) => o.status === 'created')) this.options.onStored?.();
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

export class WriterClosedError extends Error {
  constructor() {
    super('the server is shutting down');
    this.name = 'WriterClosedError';
  }
}

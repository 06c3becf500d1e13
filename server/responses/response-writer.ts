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
  /** How long the first response of a batch waits for company before the commit. */
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
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length && !this.flushing) this.flush();
    await this.flushing;
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

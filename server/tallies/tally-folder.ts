import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { WriteTurns } from '../db/write-turns';
import { foldOnce, foldTallies } from './fold-tallies';

export interface FoldOptions {
  /** Folds one chunk, answering how many answers it added: the server's is the fold thread's (fold-worker.ts). */
  foldOnce?: () => Promise<number>;
  /** Turns at the write lock shared with the server's writer, one per chunk (db/write-turns.ts). */
  turns?: WriteTurns;
  /** Work on a chunk before its turn: SQLite's fold thread reads and merges it (fold-ahead.ts). */
  ahead?: () => Promise<void>;
}

/**
 * Folds the tally queue in the background (fold-tallies.ts), a moment after responses were
 * stored, so that hundreds share one fold and a read seldom finds any left to fold. Reads fold
 * what is left themselves, so nothing depends on when this runs; it only keeps their work small.
 */
export class TallyFolder {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    /** How long after the first stored response a fold starts: the longer, the more it folds at once. */
    private readonly delayMs = 200,
    /** After a failed fold, how long before this folder tries again (a read folds for itself meanwhile). */
    private readonly retryMs = 10_000,
    private readonly options: FoldOptions = {},
  ) {}

  /** Responses were queued (or may have been, e.g. by another server before a restart). */
  queued(): void {
    if (this.closed) return;
    if (this.running) this.again = true;
    else if (!this.timer) this.timer = setTimeout(() => this.run(), this.delayMs);
  }

  /** Resolves when no fold is running or waiting to run. */
  settled(): Promise<void> {
    if (!this.running && !this.timer) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Stops folding; what is queued stays queued, for the next read or start. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    this.wake();
  }

  private run(): void {
    this.timer = undefined;
    this.again = false;
    this.running = this.foldAll()
      .catch((error: unknown) => {
        // The queue keeps the answers; the next read, or this folder a little later, adds them.
        console.error(`[sipas] folding the tally queue failed; trying again in ${this.retryMs / 1000} s`, error);
        return 'failed' as const;
      })
      .then((outcome) => {
        this.running = undefined;
        if (outcome === 'failed' && !this.closed) this.timer = setTimeout(() => this.run(), this.retryMs);
        else if (this.again) this.queued();
        this.wake();
      });
  }

  /** Chunk after chunk until the queue is empty, each chunk in its turn at the write lock. */
  private async foldAll(): Promise<void> {
    const { turns, ahead } = this.options;
    const once = this.options.foldOnce ?? (() => foldOnce(this.db));
    const inTurn = turns ? () => turns.take(once) : once;
    await foldTallies(this.db, ahead ? () => ahead().then(inTurn) : inTurn);
  }

  private wake(): void {
    if (this.running || this.timer) return;
    for (const resolve of this.idle.splice(0)) resolve();
  }
}

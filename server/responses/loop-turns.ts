// On PostgreSQL a batch of answers is stored in about ten statements, each sent once the one before
// has been answered, and every reply is read by the server's one thread. When a batch's answers go
// out, the next two dozen requests arrive together, and their checks (about 0.2 ms each) ran back
// to back in one turn of the event loop while the next batch's replies waited behind them. Taken in
// turns, each submission's checks run in a turn of the loop of their own, so that the loop reads
// what has arrived meanwhile (the database's reply) between two of them. SQLite's statements run on
// the thread itself and wait for no reply: there the turns only cost, so it takes none. Both were
// measured; see "Submissions in turns" in tests/bench/NOTES.md.
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { isPostgres } from '../db/row-slices';

/** Lets its waiters through one per turn of the event loop, first come, first served. */
export class LoopTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Resolves in a later turn of the loop than the waiter before it. */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    // An immediate queued while the loop runs its immediates waits for the next turn, after the
    // loop has polled for I/O again.
    setImmediate(this.release);
  }

  private readonly release = () => {
    this.scheduled = false;
    const next = this.waiting.shift();
    this.schedule();
    next?.();
  };
}

const submissions = new LoopTurns();

/** Middleware: on PostgreSQL, a submission's checks wait for their turn (see above). */
export function inTurnOnPostgres(db: Kysely<any>): MiddlewareHandler {
  return async (_c, next) => {
    if (isPostgres(db)) await submissions.take();
    await next();
  };
}

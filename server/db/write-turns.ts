/**
 * Turns at a SQLite file's one write lock, taken in the order asked, between the server's writer
 * and the fold's thread (tallies/fold-thread.ts). Without them, a batch that began while the thread
 * held the lock would wait inside SQLite's busy handler, which sleeps on the server's one thread:
 * no request would be read meanwhile. Waiting here, the server goes on reading and checking the
 * requests, and they join the next batch.
 */
export class WriteTurns {
  /** The turns `db` shares with the fold thread, when the server has given it some (see `share`). */
  static of(db: object): WriteTurns | undefined {
    return shared.get(db);
  }

  /**
   * Makes the folds of the reads on `db` take their turns too (tallies/fold-tallies.ts: a read
   * folds what is queued first). Other writes on it are rare (a staff edit, a feedback item) and
   * wait in the busy handler, a chunk's time at most.
   */
  share(db: object): this {
    shared.set(db, this);
    return this;
  }

  private last: Promise<unknown> = Promise.resolve();

  /** Runs `work` once every turn asked before has ended; answers what it answers. */
  take<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.last.then(work);
    this.last = turn.catch(() => undefined);
    return turn;
  }
}

const shared = new WeakMap<object, WriteTurns>();

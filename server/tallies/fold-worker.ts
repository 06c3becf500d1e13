import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../paths';
import type { FoldReply, FoldThreadData } from './fold-thread';

const THREAD_ENTRY = join(projectRoot, 'server', 'util', 'thread-entry.mjs');

/**
 * The server's side of the fold thread (fold-thread.ts): `foldOnce()` has the thread fold one
 * chunk and answers how many answers it added. Should the thread stop (it never should), the
 * folds waiting fail (the folder tries again later, and every read folds for itself meanwhile)
 * and the next one starts a new thread.
 */
export class FoldWorker {
  private worker: Worker | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly waiting = new Map<number, { resolve: (n: number) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  /** `entry`: the thread's module, fold-thread.ts from the sources or fold-thread.js from the build. */
  constructor(private readonly data: Omit<FoldThreadData, 'entry'> & { entry: URL }) {}

  foldOnce(): Promise<number> {
    const worker = this.running();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage(id);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    await this.exited;
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const workerData: FoldThreadData = { ...this.data, entry: this.data.entry.href };
    const worker = new Worker(THREAD_ENTRY, { workerData });
    // The thread must not keep the process alive on its own.
    worker.unref();
    worker.on('message', (reply: FoldReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('error' in reply) waiter?.reject(new Error(`the fold thread: ${reply.error}`));
      else waiter?.resolve(reply.folded);
    });
    let failure: Error | undefined;
    worker.on('error', (error) => (failure = error));
    this.exited = new Promise((resolve) =>
      worker.once('exit', () => {
        this.worker = undefined;
        const gone = failure ?? new Error('the fold thread has stopped');
        for (const waiter of this.waiting.values()) waiter.reject(gone);
        this.waiting.clear();
        resolve();
      }),
    );
    return (this.worker = worker);
  }
}

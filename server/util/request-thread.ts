import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread asked by message and answering each message with a reply that carries the
 * message's id (the SQLite reader's, db/sqlite-reader.ts; the fold's, tallies/fold-worker.ts). The
 * thread starts with the first message. Should it stop (it never should), the messages waiting
 * fail and the next one starts a new thread. It never keeps the process alive on its own (a CLI
 * command ends when its work does).
 */
export class RequestThread<Reply extends { id: number }> {
  private worker: Worker | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly waiting = new Map<number, { resolve: (reply: Reply) => void; reject: (error: unknown) => void }>();
  private nextId = 1;

  /** `name` says which thread stopped, in the error of the messages it leaves unanswered. */
  constructor(
    private readonly script: string | URL,
    private readonly options: WorkerOptions,
    private readonly name: string,
  ) {}

  /** Sends `message` with an id of its own added; resolves with the thread's reply to it. */
  ask(message: object): Promise<Reply> {
    const worker = this.running();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    await this.exited;
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, this.options);
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      waiter?.resolve(reply);
    });
    let failure: unknown;
    worker.on('error', (error) => (failure = error));
    this.exited = new Promise((resolve) =>
      worker.once('exit', () => {
        this.worker = undefined;
        const gone = failure ?? new Error(`${this.name} has stopped`);
        for (const waiter of this.waiting.values()) waiter.reject(gone);
        this.waiting.clear();
        resolve();
      }),
    );
    return (this.worker = worker);
  }
}

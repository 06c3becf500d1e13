// A worker thread that owns SQLite's write connection for the responses. better-sqlite3 runs
// every statement, and the commit's disk flush (synchronous=FULL), on the thread that calls it:
// on the main thread that was about 40 % of a submission's time, while every other request
// waited. On its own thread the batch is stored and flushed while the main thread goes on
// reading, checking and answering requests. Only responses whose hooks are plain data go there
// (a kiosk's, checked by a named batch guard); the others are stored on the main connection, one
// batch at a time either way (the ResponseWriter runs one batch at a time), so the two connections
// never wait for each other over a batch.
import { Worker } from 'node:worker_threads';
import type { PendingResponse, StoreOutcome } from '../repos/responses';

export interface WriterThreadOptions {
  file: string;
  synchronous: 'FULL' | 'NORMAL';
}

/** A response as it crosses to the thread: its data, and its batch guard by name. */
export type SentResponse = Omit<PendingResponse, 'guard' | 'afterInsert' | 'batchGuard'> & { batchGuardName?: string };

export type ThreadRequest = { kind: 'store'; id: number; batch: SentResponse[] } | { kind: 'close' };
export type ThreadReply =
  | { kind: 'stored'; id: number; outcomes: StoreOutcome[]; flagged: boolean[] }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'ready' }
  | { kind: 'closed' };

/**
 * The thread's first lines: a worker does not inherit the loader hooks of `--import tsx` (Node
 * 20), so it registers tsx itself before loading the TypeScript entry.
 */
function workerSource(): string {
  const entry = new URL(`./writer-thread-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
  if (!entry.endsWith('.ts')) return `import(${JSON.stringify(entry)});`;
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}

interface Waiting {
  resolve: (outcomes: StoreOutcome[]) => void;
  reject: (error: Error) => void;
  batch: PendingResponse[];
}

export class WriterThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private alive = true;
  private closed: (() => void) | undefined;
  private started: (() => void) | undefined;
  private readonly starting = new Promise<void>((resolve) => (this.started = resolve));

  constructor(options: WriterThreadOptions) {
    this.worker = new Worker(workerSource(), { eval: true, workerData: options });
    this.worker.on('message', (reply: ThreadReply) => this.receive(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('the response writer thread stopped')));
  }

  /** Resolves once the thread has loaded and opened its connection (or failed, and the main connection stores everything). */
  ready(): Promise<void> {
    return this.starting;
  }

  /** Whether the thread can store this response: no hook but a batch guard it knows by name. */
  takes(response: PendingResponse): boolean {
    return this.alive && !this.closed && !response.guard && !response.afterInsert;
  }

  /** Stores a batch in one transaction on the thread; resolves once it has committed. */
  store(batch: PendingResponse[]): Promise<StoreOutcome[]> {
    const id = this.nextId++;
    const sent: SentResponse[] = batch.map(({ guard: _guard, afterInsert: _afterInsert, batchGuard, ...data }) => (batchGuard ? { ...data, batchGuardName: batchGuard.name } : data));
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, batch });
      this.worker.postMessage({ kind: 'store', id, batch: sent } satisfies ThreadRequest);
    });
  }

  /** Closes the thread's connection and ends it; call once no batch is in flight. */
  async close(): Promise<void> {
    if (!this.alive) return;
    const ended = new Promise<void>((resolve) => (this.closed = resolve));
    this.worker.postMessage({ kind: 'close' } satisfies ThreadRequest);
    await ended;
    await this.worker.terminate();
  }

  private receive(reply: ThreadReply): void {
    if (reply.kind === 'ready') return this.started?.();
    if (reply.kind === 'closed') {
      this.alive = false;
      this.closed?.();
      return;
    }
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (reply.kind === 'failed') return waiting.reject(new Error(reply.message));
    // The batch guard may have flagged a response (a repeated tap): the same object as on the thread.
    reply.flagged.forEach((flagged, i) => (waiting.batch[i]!.flagged = flagged));
    waiting.resolve(reply.outcomes);
  }

  /** The thread is gone: what it held uncommitted rolled back; those batches and the next go to the main connection. */
  private fail(error: Error): void {
    if (!this.alive) return;
    this.alive = false;
    console.error(`[sipas] the response writer thread stopped (${error.message}); responses are stored on the main connection from now on`);
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
    this.started?.();
    this.closed?.();
  }
}

import { join } from 'node:path';
import { projectRoot } from '../paths';
import { RequestThread } from '../util/request-thread';
import type { FoldReply, FoldStep, FoldThreadData } from './fold-thread';

const THREAD_ENTRY = join(projectRoot, 'server', 'util', 'thread-entry.mjs');

/**
 * The server's side of the fold thread (fold-thread.ts): `foldOnce()` has the thread fold one
 * chunk and answers how many answers it added. Should the thread stop (it never should), the
 * folds waiting fail (the folder tries again later, and every read folds for itself meanwhile)
 * and the next one starts a new thread (util/request-thread.ts).
 */
export class FoldWorker {
  private readonly thread: RequestThread<FoldReply>;

  /** `entry`: the thread's module, fold-thread.ts from the sources or fold-thread.js from the build. */
  constructor(data: Omit<FoldThreadData, 'entry'> & { entry: URL }) {
    const workerData: FoldThreadData = { ...data, entry: data.entry.href };
    this.thread = new RequestThread<FoldReply>(THREAD_ENTRY, { workerData }, 'the fold thread');
  }

  async foldOnce(): Promise<number> {
    return this.ask('fold');
  }

  /** SQLite: has the thread read and merge the next chunk, before the turn in which foldOnce writes it. */
  async foldAhead(): Promise<void> {
    await this.ask('ahead');
  }

  private async ask(step: FoldStep): Promise<number> {
    const reply = await this.thread.ask({ step });
    if ('error' in reply) throw new Error(`the fold thread: ${reply.error}`);
    return reply.folded;
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}

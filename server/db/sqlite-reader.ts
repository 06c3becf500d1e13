// The reader connection of a SQLite file (open-database.ts) on a thread of its own. better-sqlite3
// runs a statement to its end before returning, so a long read on the server's thread (a page of
// an export) held up every request meanwhile; here the thread only waits for a message. It also
// lets an export read its next page while it writes the one before (repos/response-pages.ts),
// using the machine's second core. A small Kysely dialect: SQLite's adapter, compiler and
// introspector, and a driver that sends each statement to the thread.
import { join } from 'node:path';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { projectRoot } from '../paths';
import { RequestThread } from '../util/request-thread';

const THREAD_SCRIPT = join(projectRoot, 'server', 'db', 'sqlite-reader-thread.mjs');

interface Reply {
  id: number;
  rows: unknown[];
  changes?: number;
  error?: { name: string; message: string; code?: string };
}

/** The thread and the statements sent to it, answered in order (util/request-thread.ts). */
class ReaderThread implements DatabaseConnection {
  private readonly thread: RequestThread<Reply>;

  constructor(file: string) {
    this.thread = new RequestThread<Reply>(THREAD_SCRIPT, { workerData: { file } }, 'the SQLite reader thread');
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const reply = await this.thread.ask({ sql: query.sql, parameters: query.parameters });
    if (reply.error) throw Object.assign(new Error(reply.error.message), { name: reply.error.name, code: reply.error.code });
    return { rows: reply.rows as R[], ...(reply.changes === undefined ? {} : { numAffectedRows: BigInt(reply.changes) }) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the SQLite reader does not stream; read in pages');
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}

/** One connection: a transaction holds it, and everything else waits its turn. */
class ReaderDriver implements Driver {
  private thread: ReaderThread | undefined;
  private turn: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;

  constructor(private readonly file: string) {}

  async init(): Promise<void> {
    this.thread = new ReaderThread(this.file);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const before = this.turn;
    let release!: () => void;
    this.turn = new Promise((resolve) => (release = resolve));
    await before;
    this.release = release;
    return this.thread!;
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    await this.thread?.close();
  }
}

/** A read-only Kysely dialect for `file` whose statements run on a thread of their own. */
export function sqliteReaderDialect(file: string): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ReaderDriver(file),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db: Kysely<any>) => new SqliteIntrospector(db),
  };
}

// The reader connection of a SQLite file (open-database.ts) on a thread of its own. better-sqlite3
// runs a statement to its end before returning, so a long read on the server's thread (a page of
// an export) held up every request meanwhile; here the thread only waits for a message. It also
// lets an export read its next page while it writes the one before (repos/response-pages.ts),
// using the machine's second core. A small Kysely dialect: SQLite's adapter, compiler and
// introspector, and a driver that sends each statement to the thread.
import { join } from 'node:path';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
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
    const reply = await this.thread.ask({ sql: query.sql, parameters: query.parameters, ...(asArrays.has(query) ? { arrays: true } : {}) });
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
function sqliteReaderDialect(file: string): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ReaderDriver(file),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db: Kysely<any>) => new SqliteIntrospector(db),
  };
}

/** The handles whose statements run on a reader thread (sqliteReader). */
const threadReaders = new WeakSet<Kysely<any>>();
/** The statements whose rows the thread sends as arrays (rowArrays). */
const asArrays = new WeakSet<CompiledQuery>();

/** A read-only Kysely handle on `file` whose statements run on a thread of their own. */
export function sqliteReader<T>(file: string): Kysely<T> {
  const db = new Kysely<T>({ dialect: sqliteReaderDialect(file) });
  threadReaders.add(db);
  return db;
}

/**
 * The rows of `query` each as the array of its columns' values, in the statement's order, when
 * `db` is a reader on its own thread; undefined on any other handle, whose rows are objects. On
 * the thread better-sqlite3 then makes no object of each row: reading a page of an export's rows
 * took 5.2 µs a row as objects against 3.2 as arrays (tests/bench/NOTES.md, *The CSV export in turns,
 * and its rows read cheaper*), and the reader's thread had become the slower of the export's two.
 */
export async function rowArrays(db: Kysely<any>, query: CompiledQuery): Promise<unknown[][] | undefined> {
  if (!threadReaders.has(db)) return undefined;
  asArrays.add(query);
  return (await db.executeQuery<unknown[]>(query)).rows;
}

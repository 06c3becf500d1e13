import { createApp } from '../../server/app';
import { boot } from '../../server/boot';
import type { DatabaseConfig } from '../../server/db/open-database';
import { localesDir, pagesDistDir } from '../../server/paths';
import { ResponseWriter, type ResponseWriterOptions } from '../../server/responses/response-writer';
import { createTestDatabase, type Dialect, type TestDatabase } from './test-database';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  database: TestDatabase;
  writer: ResponseWriter;
  /** The instant the app believes it is; tests move it. */
  clock: { now: Date };
  /** JSON request helper: returns the status and the parsed body. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  now?: Date;
  seed?: boolean;
  /** Another folder of locale files (default: kiosk/locales). */
  localesDir?: string;
  /** The group commit's settings, over the tests' own (a 1 ms window, batches of 64). */
  groupCommit?: Partial<ResponseWriterOptions>;
}

/** The real app on a fresh real database, called in-process through app.request(). */
export async function createTestApp(dialect: Dialect, options: TestAppOptions = {}): Promise<TestApp> {
  return appOn(await createTestDatabase(dialect, { seed: options.seed }), options);
}

/**
 * Another app instance on an existing database, with its own connections: what a second app
 * server behind the same load balancer is. Closing it leaves the database in place.
 */
export async function createAppOn(config: DatabaseConfig, options: TestAppOptions = {}): Promise<TestApp> {
  const booted = await boot(config);
  return appOn({ ...booted, config, destroy: () => booted.handle.close() }, options);
}

async function appOn(database: TestDatabase, options: TestAppOptions): Promise<TestApp> {
  const writer = new ResponseWriter(database.handle.db, { batchWindowMs: 1, maxBatch: 64, ...options.groupCommit });
  const clock = { now: options.now ?? new Date() };
  const app = createApp({
    db: database.handle.db,
    reader: database.handle.reader,
    surveys: database.surveys,
    writer,
    clock: () => clock.now,
    pagesDir: pagesDistDir,
    localesDir: options.localesDir ?? localesDir,
    publicUrl: 'http://sipas.test',
    secret: Buffer.alloc(32, 7),
    trustProxy: true,
  });
  return {
    app,
    database,
    writer,
    clock,
    async call(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
      const res = await app.request(path, init);
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async close() {
      await writer.close();
      await database.destroy();
    },
  };
}

// The real app over real HTTP on a SQLite file, which can be stopped and started again on the same
// port and database, as a server restart is.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { createApp } from '../../server/app';
import { boot, type Booted } from '../../server/boot';
import type { Database } from '../../server/db/database';
import { localesDir, pagesDistDir } from '../../server/paths';
import { countResponses } from '../../server/repos/responses';
import { ResponseWriter } from '../../server/responses/response-writer';
import { dropConfig, freshConfig } from './test-database';

export interface RestartableServer {
  url: string;
  secret: Buffer;
  /** The open database (only while started). */
  db(): Kysely<Database>;
  countResponses(): Promise<number>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops (if running) and deletes the database. */
  destroy(): Promise<void>;
}

export async function startRestartableServer(): Promise<RestartableServer> {
  const config = await freshConfig('sqlite');
  const secret = Buffer.alloc(32, 7);
  let port = 0;
  let running: { booted: Booted; writer: ResponseWriter; server: ServerType } | null = null;

  async function start() {
    const booted = await boot(config);
    const writer = new ResponseWriter(booted.handle.db, { batchWindowMs: 1, maxBatch: 64 });
    const app = createApp({ db: booted.handle.db, reader: booted.handle.reader, surveys: booted.surveys, writer, clock: () => new Date(), pagesDir: pagesDistDir, localesDir, publicUrl: 'http://sipas.test', secret, trustProxy: false });
    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
    running = { booted, writer, server };
  }

  async function stop() {
    if (!running) return;
    const { booted, writer, server } = running;
    running = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    });
    await writer.close();
    await booted.handle.close();
  }

  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    secret,
    db: () => running!.booted.handle.db,
    countResponses: () => countResponses(running!.booted.handle.db),
    stop,
    start,
    async destroy() {
      await stop();
      await dropConfig(config);
    },
  };
}

// The real app served over real HTTP on a free loopback port, for the browser tests.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { TestApp } from './test-app';
import { createTestApp, type TestAppOptions } from './test-app';
import type { Dialect } from './test-database';

export interface TestServer extends TestApp {
  url: string;
}

export async function startTestServer(dialect: Dialect = 'sqlite', options: TestAppOptions = {}): Promise<TestServer> {
  const t = await createTestApp(dialect, options);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    ...t,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

// A fresh, real database per test: a SQLite file in a temporary folder, or (when SIPAS_TEST_PG
// is set, as .ci/run does) a new schema in PostgreSQL. No mocks.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { boot, type Booted } from '../../server/boot';
import type { DatabaseConfig } from '../../server/db/open-database';

export type Dialect = 'sqlite' | 'postgres';

const pgUrl = process.env.SIPAS_TEST_PG;

/** The databases every storage and HTTP test runs on. */
export const dialects: Dialect[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends Booted {
  config: DatabaseConfig;
  /** Closes the connections and deletes the file or schema. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(dialect: Dialect, options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const config = await freshConfig(dialect);
  const booted = await boot(config, options);
  return {
    ...booted,
    config,
    async destroy() {
      await booted.handle.close();
      await dropConfig(config);
    },
  };
}

/** A new empty database location, without opening it (for tests that start a server process). */
export async function freshConfig(dialect: Dialect): Promise<DatabaseConfig> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sipas-test-'));
    return { dialect: 'sqlite', file: join(dir, 'sipas.db') };
  }
  if (!pgUrl) throw new Error('SIPAS_TEST_PG is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await withClient((c) => c.query(`CREATE SCHEMA ${schema}`));
  return { dialect: 'postgres', url: pgUrl, schema };
}

export async function dropConfig(config: DatabaseConfig): Promise<void> {
  if (config.dialect === 'sqlite') rmSync(join(config.file, '..'), { recursive: true, force: true });
  else if (config.schema) await withClient((c) => c.query(`DROP SCHEMA IF EXISTS ${config.schema} CASCADE`));
}

/** The DATABASE_URL a child process needs to open this database. */
export function databaseUrl(config: DatabaseConfig): string {
  if (config.dialect === 'sqlite') return `sqlite:${config.file}`;
  const url = new URL(config.url);
  if (config.schema) url.searchParams.set('options', `-c search_path=${config.schema}`);
  return url.toString();
}

/** Work on a connection of its own to the test PostgreSQL, outside every pool (another server's, say). */
export async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

import { boot, type Booted } from '../boot';
import { parseDatabaseUrl } from '../db/open-database';
import { readEnv } from '../env';
import { defaultDatabaseFile } from '../paths';

/** One `npm run sipas -- <name>` command. */
export interface Command {
  name: string;
  summary: string;
  /** Shown by `--help`: usage and options. */
  usage: string;
  /** Returns the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** Opens the database named by DATABASE_URL (as `npm start` does), runs `work`, closes it. */
export async function withDatabase<T>(work: (booted: Booted) => Promise<T>, options: { seed?: boolean } = {}): Promise<T> {
  const env = readEnv();
  const booted = await boot(parseDatabaseUrl(env.DATABASE_URL, defaultDatabaseFile), options);
  try {
    return await work(booted);
  } finally {
    await booted.handle.close();
  }
}

export class UsageError extends Error {}

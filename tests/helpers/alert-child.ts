// Drives tests/helpers/alert-server-child.ts: start it, ask it for a run at a given time, stop it.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { RunSummary } from '../../server/alerts/alert-scheduler';
import { projectRoot } from '../../server/paths';
import { databaseUrl, type TestDatabase } from './test-database';

export interface AlertChild {
  run(now: Date): Promise<RunSummary>;
  stop(): Promise<void>;
}

export async function startAlertChild(database: TestDatabase, smtpUrl: string): Promise<AlertChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/alert-server-child.ts', databaseUrl(database.config), smtpUrl], { cwd: projectRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the alert child process ended');
    return value as string;
  };
  if ((await next()) !== 'ready') throw new Error('the alert child process did not start');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async run(now) {
      child.stdin!.write(`${now.toISOString()}\n`);
      return JSON.parse(await next()) as RunSummary;
    },
    async stop() {
      child.stdin!.end();
      await exited;
    },
  };
}

// Runs `npm run sipas -- …` as a real child process against a test database.
import { execFile } from 'node:child_process';
import { projectRoot } from '../../server/paths';
import { databaseUrl, type TestDatabase } from './test-database';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(database: TestDatabase, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/cli.ts', ...args],
      { cwd: projectRoot, env: { ...process.env, DATABASE_URL: databaseUrl(database.config) }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

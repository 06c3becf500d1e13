// The built server (as `npm start` runs it) adds acknowledged answers to the tallies in the
// background, on SQLite from a thread of its own (server/tallies/fold-thread.ts, built beside
// main.js): the queue empties with no read to prompt it, and each answer is counted once.
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { enrolKioskFleet, kioskRequest } from '../helpers/kiosk-fleet';
import { startServerProcess } from '../helpers/server-process';
import { syntheticBodies } from '../helpers/synthetic-bodies';
import { databaseUrl, dropConfig, freshConfig } from '../helpers/test-database';

describe('the built server on SQLite', () => {
  it('folds the answers it acknowledged into the tallies by itself, each once', async () => {
    const config = await freshConfig('sqlite');
    if (config.dialect !== 'sqlite') throw new Error('SQLite only');
    const fleet = await enrolKioskFleet(config);
    const server = await startServerProcess(databaseUrl(config), { ALERTS_INTERVAL_S: '0' }, 0, [], 'built');
    const file = new SqliteDatabase(config.file, { readonly: true });
    try {
      // More than one fold chunk (500), sent as kiosks at the counter send them, 25 at a time.
      const bodies = syntheticBodies(1_100, 7).map((body) => ({ ...body, submittedAt: new Date().toISOString() }));
      for (let i = 0; i < bodies.length; i += 25) {
        const statuses = await Promise.all(
          bodies.slice(i, i + 25).map(async (body) => {
            const request = kioskRequest(fleet, body);
            return (await fetch(`${server.url}/api/responses`, { method: 'POST', headers: request.headers, body: request.body })).status;
          }),
        );
        expect(statuses.every((s) => s === 201)).toBe(true);
      }
      const count = (sql: string) => Number(file.prepare(sql).pluck().get());
      // Nothing reads the figures: only the background fold empties the queue.
      while (count('select count(*) from tally_queue') > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(count('select count(*) from responses')).toBe(1_100);
      expect(count("select sum(responses) from answer_tallies where cut = 'org'")).toBe(1_100);
      expect(count("select sum(responses) from answer_tallies_monthly where cut = 'org'")).toBe(1_100);
    } finally {
      file.close();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      await dropConfig(config);
    }
  });
});

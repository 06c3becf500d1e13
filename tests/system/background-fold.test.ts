// The built server (as `npm start` runs it) adds acknowledged answers to the tallies in the
// background, from a thread of its own (server/tallies/fold-thread.ts, built beside main.js): the
// queue empties with no read to prompt it, and each answer is counted once.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database';
import { FOLD_CHUNK_SIZE } from '../../server/tallies/fold-tallies';
import { enrolKioskFleet, kioskRequest } from '../helpers/kiosk-fleet';
import { startServerProcess } from '../helpers/server-process';
import { syntheticBodies } from '../helpers/synthetic-bodies';
import { databaseUrl, dialects, dropConfig, freshConfig } from '../helpers/test-database';

describe.each(dialects)('the built server on %s', (dialect) => {
  it('folds the answers it acknowledged into the tallies by itself, each once', async () => {
    const config = await freshConfig(dialect);
    const fleet = await enrolKioskFleet(config);
    const server = await startServerProcess(databaseUrl(config), { ALERTS_INTERVAL_S: '0' }, 0, [], 'built');
    // Read with plain statements only: a read of the figures would fold for itself.
    const handle = openDatabase(config);
    try {
      // More than one fold chunk, sent as kiosks at the counter send them, 25 at a time.
      const sent = FOLD_CHUNK_SIZE + 600;
      const bodies = syntheticBodies(sent, 7).map((body) => ({ ...body, submittedAt: new Date().toISOString() }));
      for (let i = 0; i < bodies.length; i += 25) {
        const statuses = await Promise.all(
          bodies.slice(i, i + 25).map(async (body) => {
            const request = kioskRequest(fleet, body);
            return (await fetch(`${server.url}/api/responses`, { method: 'POST', headers: request.headers, body: request.body })).status;
          }),
        );
        expect(statuses.every((s) => s === 201)).toBe(true);
      }
      const count = async (query: string) => Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(handle.db)).rows[0]!.n);
      while ((await count('select count(*) as n from tally_queue')) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await count('select count(*) as n from responses')).toBe(sent);
      expect(await count("select sum(responses) as n from answer_tallies where cut = 'org'")).toBe(sent);
      expect(await count("select sum(responses) as n from answer_tallies_monthly where cut = 'org'")).toBe(sent);
    } finally {
      await handle.close();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      await dropConfig(config);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { addUser, changeOwnPassword } from '../../server/auth/user-admin';
import { boot } from '../../server/boot';
import { findUserByUsername } from '../../server/repos/users';
import { seedDemoResponses } from '../../server/seed/demo-responses';
import { signInOver, startServerProcess } from '../helpers/server-process';
import { enrolKioskFleet, kioskRequest } from '../helpers/kiosk-fleet';
import { syntheticBodies } from '../helpers/synthetic-bodies';
import { databaseUrl, dialects, dropConfig, freshConfig } from '../helpers/test-database';
import { countedResponses } from '../helpers/answer-count-rows';

const EXISTING = 3000;
const CLIENTS = 30;
const PER_CLIENT = 40;

// Many people submitting while staff stream an export and read the dashboard: nothing fails,
// nothing is lost, nothing is counted twice.
describe.each(dialects)('load on %s', (dialect) => {
  it('takes concurrent submissions while an export streams and the dashboard is read', async () => {
    const config = await freshConfig(dialect);
    const setup = await boot(config);
    await seedDemoResponses(setup.handle.db, setup.surveys, EXISTING, new Date(), 5);
    await addUser(setup.handle.db, { username: 'quantri', role: 'admin' }, 'test', new Date());
    await changeOwnPassword(setup.handle.db, (await findUserByUsername(setup.handle.db, 'quantri'))!, 'quantri-password-1', new Date());
    await setup.handle.close();
    const fleet = await enrolKioskFleet(config);

    const server = await startServerProcess(databaseUrl(config));
    try {
      const { cookie } = await signInOver(server, 'quantri', 'quantri-password-1');
      const bodies = syntheticBodies(CLIENTS * PER_CLIENT, 77);
      let submitting = true;
      const statuses: number[] = [];
      const clients = Array.from({ length: CLIENTS }, async (_, c) => {
        for (const body of bodies.slice(c * PER_CLIENT, (c + 1) * PER_CLIENT)) {
          const res = await fetch(`${server.url}/api/responses`, { method: 'POST', ...kioskRequest(fleet, body) });
          statuses.push(res.status);
        }
      });
      const staff = { headers: { cookie } };
      const exports = (async () => {
        const reads: { csvLines: number; xlsxBytes: number }[] = [];
        while (submitting) {
          const csv = await (await fetch(`${server.url}/api/exports/responses.csv?survey=sipas-2017`, staff)).text();
          const xlsx = await fetch(`${server.url}/api/exports/scores.xlsx?survey=counter-quick&by=unit`, staff);
          expect(xlsx.status).toBe(200);
          reads.push({ csvLines: csv.trim().split('\n').length, xlsxBytes: (await xlsx.arrayBuffer()).byteLength });
        }
        return reads;
      })();
      const dashboard = (async () => {
        const answers: number[] = [];
        while (submitting) {
          const res = await fetch(`${server.url}/api/scores?survey=sipas-2017&by=unit,procedure,official,month`, staff);
          answers.push(res.status);
          await res.arrayBuffer();
        }
        return answers;
      })();
      await Promise.all(clients);
      submitting = false;
      const [reads, dashboardStatuses] = await Promise.all([exports, dashboard]);

      expect(statuses).toHaveLength(CLIENTS * PER_CLIENT);
      expect(statuses.filter((s) => s !== 201)).toEqual([]);
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.every((r) => r.csvLines > 1 && r.xlsxBytes > 1000)).toBe(true);
      expect(dashboardStatuses.length).toBeGreaterThan(0);
      expect(dashboardStatuses.every((s) => s === 200)).toBe(true);

      const check = await boot(config, { seed: false });
      try {
        const db = check.handle.db;
        const stored = Number((await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        expect(stored).toBe(EXISTING + CLIENTS * PER_CLIENT);
        const ids = new Set((await db.selectFrom('responses').select('id').where('id', 'in', bodies.map((b) => b.id)).execute()).map((r) => r.id));
        expect(ids.size).toBe(bodies.length);
        // The server adds the queued answers to the tallies by itself, a moment after they came
        // (server/tallies/tally-folder.ts): wait for it to empty the queue, without folding here.
        const queued = async () => Number((await db.selectFrom('tally_queue').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
        while ((await queued()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
        expect(await countedResponses(db)).toBe(stored);
      } finally {
        await check.handle.close();
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      await dropConfig(config);
    }
  });
});

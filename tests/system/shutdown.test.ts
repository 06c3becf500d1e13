import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database';
import { startServerProcess } from '../helpers/server-process';
import { enrolKioskFleet, kioskRequest } from '../helpers/kiosk-fleet';
import { syntheticBodies } from '../helpers/synthetic-bodies';
import { databaseUrl, dropConfig, freshConfig } from '../helpers/test-database';

describe('SIGTERM', () => {
  it('finishes the responses in flight, closes the database and exits cleanly', async () => {
    const config = await freshConfig('sqlite');
    const fleet = await enrolKioskFleet(config);
    // A long batch window keeps responses queued at the moment the signal arrives.
    const server = await startServerProcess(databaseUrl(config), { GROUP_COMMIT_MS: '40' });
    const bodies = syntheticBodies(30, 11);
    // The signal goes out as soon as the first answer is acknowledged: the rest are then queued or
    // on their way, whatever the speed of the machine.
    let firstAcknowledged!: () => void;
    const acknowledgedOnce = new Promise<void>((resolve) => (firstAcknowledged = resolve));
    const pending = bodies.map((b) =>
      fetch(`${server.url}/api/responses`, { method: 'POST', ...kioskRequest(fleet, b) }).then(
        (r) => {
          if (r.status === 201) firstAcknowledged();
          return r.status;
        },
        () => 0,
      ),
    );
    await acknowledgedOnce;
    server.child.kill('SIGTERM');
    const statuses = await Promise.all(pending);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing the responses in flight');

    const acknowledged = bodies.filter((_, i) => statuses[i] === 201).map((b) => b.id);
    expect(acknowledged.length).toBeGreaterThan(0);
    const handle = openDatabase(config);
    const ids = new Set((await handle.db.selectFrom('responses').select('id').execute()).map((r) => r.id));
    await handle.close();
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
    // Nothing was half-answered: each request got a clean answer or none at all.
    expect(statuses.every((s) => s === 201 || s === 0 || s === 503)).toBe(true);
    await dropConfig(config);
  });
});

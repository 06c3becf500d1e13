import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database';
import type { ResponseBody } from '../../server/responses/response-body';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { enrolKioskFleet, kioskRequest, type KioskFleet } from '../helpers/kiosk-fleet';
import { syntheticBodies } from '../helpers/synthetic-bodies';
import { databaseUrl, dialects, dropConfig, freshConfig } from '../helpers/test-database';
import { countedResponses } from '../helpers/answer-count-rows';

let fleet: KioskFleet;
const post = (server: ServerProcess, body: ResponseBody) => fetch(`${server.url}/api/responses`, { method: 'POST', ...kioskRequest(fleet, body) });

describe.each(dialects)('a crash under load on %s', (dialect) => {
  it('keeps every acknowledged response, intact and exactly once', async () => {
    const config = await freshConfig(dialect);
    const url = databaseUrl(config);
    fleet = await enrolKioskFleet(config);
    let server = await startServerProcess(url);
    const bodies = syntheticBodies(4000, 7);
    const acknowledged = new Map<string, ResponseBody>();
    const failures: string[] = [];
    let next = 0;
    let killed = false;

    // 24 clients submit as fast as the server answers; the server is killed mid-stream.
    const client = async () => {
      while (!killed && next < bodies.length) {
        const body = bodies[next++]!;
        try {
          const res = await post(server, body);
          if (res.status === 201 || res.status === 200) acknowledged.set(body.id, body);
          else failures.push(`${res.status} ${await res.text()}`);
        } catch {
          // the connection died with the server: not acknowledged, so nothing is promised
        }
      }
    };
    const clients = Array.from({ length: 24 }, client);
    while (acknowledged.size < 600 && next < bodies.length) await new Promise((r) => setTimeout(r, 10));
    server.child.kill('SIGKILL');
    killed = true;
    expect(await server.exited).toBe('SIGKILL');
    await Promise.allSettled(clients);
    const sent = bodies.slice(0, next);
    expect(failures).toEqual([]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(600);

    server = await startServerProcess(url);
    const handle = openDatabase(config);
    try {
      const rows = await handle.db.selectFrom('responses').select(['id', 'answers', 'unit_code', 'survey_id']).execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const [id, body] of acknowledged) {
        const row = byId.get(id);
        expect(row, `acknowledged ${id} is missing`).toBeDefined();
        expect(JSON.parse(row!.answers)).toEqual(body.answers);
        expect(row!.unit_code).toBe(body.unit);
      }
      // What each response adds was queued in its own transaction; read, the aggregates agree with the rows.
      expect(await countedResponses(handle.db)).toBe(rows.length);

      // Clients resend whatever they are unsure of: nothing conflicts, nothing doubles.
      for (let i = 0; i < sent.length; i += 50) {
        const statuses = await Promise.all(sent.slice(i, i + 50).map(async (b) => (await post(server, b)).status));
        expect(statuses.every((s) => s === 200 || s === 201)).toBe(true);
      }
      const after = await handle.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(sent.length);
      expect(await countedResponses(handle.db)).toBe(sent.length);
    } finally {
      await handle.close();
      server.child.kill('SIGTERM');
      await server.exited;
      await dropConfig(config);
    }
  });
});

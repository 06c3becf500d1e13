import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/paths';
import { startServerProcess } from '../helpers/server-process';
import { databaseUrl, dropConfig, freshConfig } from '../helpers/test-database';

// `npm start` builds the server and runs the build (server/start.mjs). Offices run several
// servers from one checkout (README "Durability and running several servers"): two starting at
// the same moment must not rewrite each other's build, and builds of servers that ended go away.
describe('npm start from one checkout, two servers at once', () => {
  it('builds each server its own folder, serves from both, and removes the folders of ended servers', async () => {
    const buildRoot = join(projectRoot, 'server', '.build');
    // A server that has ended (no process has this id: Linux ids stop at 4,194,304) and a leftover.
    const ended = join(buildRoot, '4194999');
    const leftover = join(buildRoot, 'main.js');
    mkdirSync(ended, { recursive: true });
    writeFileSync(join(ended, 'main.js'), 'throw new Error("an old build")\n');
    writeFileSync(leftover, 'throw new Error("an old build")\n');

    const configs = await Promise.all([freshConfig('sqlite'), freshConfig('sqlite')]);
    const servers = await Promise.all(configs.map((c) => startServerProcess(databaseUrl(c), { ALERTS_INTERVAL_S: '0' }, 0, [], 'built')));
    try {
      for (const server of servers) {
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
        const kiosk = await fetch(`${server.url}/kiosk`);
        expect(kiosk.status).toBe(200);
        expect(await kiosk.text()).toContain('<html lang="vi"');
        expect(existsSync(join(buildRoot, String(server.child.pid), 'main.js'))).toBe(true);
      }
      expect(existsSync(ended)).toBe(false);
      expect(existsSync(leftover)).toBe(false);
    } finally {
      for (const server of servers) server.child.kill('SIGTERM');
      expect(await Promise.all(servers.map((s) => s.exited))).toEqual([0, 0]);
      await Promise.all(configs.map(dropConfig));
    }
  });
});

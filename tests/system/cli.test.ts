import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database';
import { projectRoot } from '../../server/paths';
import { databaseUrl, dropConfig, freshConfig } from '../helpers/test-database';
import { startServerProcess } from '../helpers/server-process';
import { enrolKioskFleet, kioskRequest } from '../helpers/kiosk-fleet';
import { syntheticBodies } from '../helpers/synthetic-bodies';

function sipas(args: string[], env: Record<string, string>) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: projectRoot, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('the sipas command', () => {
  it('explains itself and each command', () => {
    const help = sipas(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/migrate[\s\S]*seed[\s\S]*users[\s\S]*backup/);
    expect(sipas(['seed', '--help'], {}).out).toContain('--demo-responses N');
    expect(sipas(['nonsense'], {}).code).toBe(2);
  });

  it('seeds, manages users, and backs up a live database', async () => {
    const config = await freshConfig('sqlite');
    const env = { DATABASE_URL: databaseUrl(config), SIPAS_SECRET: 'cd'.repeat(32) };
    const seeded = sipas(['seed', '--demo-responses', '300'], env);
    expect(seeded.out).toContain('seeded the demo organisation');
    expect(seeded.out).toContain('added 300 synthetic responses');
    expect(sipas(['seed', '--demo-responses', 'many'], env).code).toBe(2);

    const added = sipas(['users', 'add', 'lan', '--role', 'viewer', '--unit', 'MC-Q1', '--name', 'Hoàng Thị Lan'], env);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/one-time password: [a-z2-9-]{19}/);
    expect(sipas(['users', 'add', 'x', '--role', 'viewer'], env).code).toBe(1); // no unit
    expect(sipas(['users', 'disable', 'lan'], env).code).toBe(0);
    expect(JSON.parse(sipas(['users', 'list', '--json'], env).out)).toEqual([{ username: 'lan', name: 'Hoàng Thị Lan', role: 'viewer', unit: 'MC-Q1', disabled: true }]);

    // Back up while a server is taking responses.
    const fleet = await enrolKioskFleet(config);
    const server = await startServerProcess(env.DATABASE_URL);
    const writes = Promise.all(syntheticBodies(200, 3).map((b) => fetch(`${server.url}/api/responses`, { method: 'POST', ...kioskRequest(fleet, b) })));
    const target = `${config.dialect === 'sqlite' ? config.file : ''}.backup`;
    const backup = sipas(['backup', '--to', target], env);
    await writes;
    server.child.kill('SIGTERM');
    await server.exited;
    expect(backup.code).toBe(0);
    const copy = openDatabase({ dialect: 'sqlite', file: target });
    const n = Number((await copy.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const users = await copy.db.selectFrom('users').select('username').execute();
    await copy.close();
    expect(n).toBeGreaterThanOrEqual(300);
    expect(n).toBeLessThanOrEqual(500);
    expect(users.map((u) => u.username)).toContain('lan');
    await dropConfig(config);
  });
});

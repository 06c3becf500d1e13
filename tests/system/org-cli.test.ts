// An office set up from the command line, each command its own process as a person runs it:
// template → init --org on an empty database → import --dry-run → a refused CSV → export; and
// npm start with SIPAS_DEMO=0 leaves an empty database without the demo, and init fills it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database';
import { projectRoot } from '../../server/paths';
import { startServerProcess } from '../helpers/server-process';

const dir = mkdtempSync(join(tmpdir(), 'sipas-org-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sipas(args: string[], file: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: `sqlite:${file}`, SIPAS_SECRET: 'cd'.repeat(32) },
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

async function unitCodes(file: string): Promise<string[]> {
  const handle = openDatabase({ dialect: 'sqlite', file });
  try {
    return (await handle.db.selectFrom('units').select('code').orderBy('code').execute()).map((u) => u.code);
  } finally {
    await handle.close();
  }
}

describe('setting up an office from the command line', () => {
  it('template, init --org, a dry run, a refused CSV, export', async () => {
    const db = join(dir, 'office.db');
    const template = join(dir, 'to-chuc.xlsx');
    expect(sipas(['org', 'template', '--out', template], db).code).toBe(0);
    expect(existsSync(template)).toBe(true);

    const init = sipas(['init', '--org', template], db);
    expect(init.code).toBe(0);
    expect(init.out).toContain('stored: 4 to add, 0 to change, 0 to retire');
    expect(init.out).toMatch(/one-time password\n {2}[a-z2-9-]{19}\n/);
    expect(await unitCodes(db)).toEqual(['TTHCC', 'TTHCC-Q1']); // and no demo
    expect(sipas(['init', '--org', template], db).code).toBe(1); // not on a database in use

    const dry = sipas(['org', 'import', template, '--dry-run'], db);
    expect([dry.code, dry.out.trim()]).toEqual([0, 'nothing to change: the file matches the stored organisation']);

    const csv = join(dir, 'can-bo.csv');
    writeFileSync(csv, 'Mã cán bộ,Họ và tên,Mã đơn vị,Mã quầy,Đang hoạt động\nCB-002,Lý Văn Tài,TTHCC,TTHCC-Q1,Có\nCB-003,Đinh Thu,PHONG-X,,\n');
    const refused = sipas(['org', 'import', csv], db);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Cán bộ, dòng 3: đơn vị "PHONG-X" không có trong tệp hay trong hệ thống (unknown unit)');
    writeFileSync(csv, 'Mã cán bộ,Họ và tên,Mã đơn vị,Mã quầy\nCB-002,Lý Văn Tài,TTHCC,TTHCC-Q1\n');
    const added = sipas(['org', 'import', csv], db);
    expect(added.out).toContain('thêm cán bộ CB-002 (Lý Văn Tài) — dòng 2');

    const exported = join(dir, 'export.xlsx');
    expect(sipas(['org', 'export', '--out', exported], db).out).toContain('2 units, 1 procedures, 2 officials');
    expect(sipas(['org', 'import', exported, '--dry-run'], db).out).toContain('nothing to change');
    expect(sipas(['org', '--help'], db).out).toContain('"Mã cán bộ" (officials)');
  });

  it('npm start with SIPAS_DEMO=0 starts without the demo organisation; init --org then brings in the office\'s', async () => {
    const db = join(dir, 'empty.db');
    const server = await startServerProcess(`sqlite:${db}`, { SIPAS_DEMO: '0', ALERTS_INTERVAL_S: '0' });
    const health = await fetch(`${server.url}/healthz`);
    server.child.kill('SIGTERM');
    await server.exited;
    expect(health.status).toBe(200);
    expect(server.output()).toContain('SIPAS_DEMO=0 and no organisation yet');
    expect(server.output()).not.toContain('seeded the demo organisation');
    expect(await unitCodes(db)).toEqual([]);
    // That start created "admin"; init still brings in the organisation, without a second account.
    const template = join(dir, 'to-chuc.xlsx');
    expect(sipas(['org', 'template', '--out', template], db).code).toBe(0);
    const init = sipas(['init', '--org', template], db);
    expect([init.code, init.out]).toEqual([0, expect.stringContaining('1 staff account(s) exist already')]);
    expect(await unitCodes(db)).toEqual(['TTHCC', 'TTHCC-Q1']);
  });
});

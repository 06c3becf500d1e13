import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openDatabase } from '../../server/db/open-database';
import { launchBrowser } from '../helpers/browser';
import { signInOver, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { databaseUrl, dropConfig, freshConfig } from '../helpers/test-database';

// What a newcomer does: `npm start` on an empty database (the server built, then run on plain
// node), open the printed kiosk link, and answer the whole SIPAS questionnaire; the answers land
// in the SQLite file, and the printed admin account can sign in and download the Excel report.
describe('the first start, as a newcomer sees it', () => {
  let browser: Browser;
  let server: ServerProcess;
  let config: Awaited<ReturnType<typeof freshConfig>>;
  beforeAll(async () => {
    browser = await launchBrowser();
    config = await freshConfig('sqlite');
    server = await startServerProcess(databaseUrl(config), { PUBLIC_URL: 'http://localhost:1' }, 0, [], 'built');
  });
  afterAll(async () => {
    await browser.close();
    if (server.child.exitCode === null) server.child.kill('SIGTERM');
    await server.exited;
    await dropConfig(config);
  });

  it('prints an admin password and a kiosk link; the kiosk takes a full SIPAS response into the database', async () => {
    const out = server.output();
    expect(out).toMatch(/created the staff account "admin" with this one-time password\n\[sipas\] {3}[a-z2-9]{4}(-[a-z2-9]{4}){3}/);
    const link = /(http:\/\/localhost:1\/kiosk#enrol=[a-z2-9-]+)/.exec(out)?.[1];
    expect(link).toBeDefined();

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}${new URL(link!).pathname}${new URL(link!).hash}`);
    await page.getByRole('heading', { level: 1, name: 'Ông/Bà hài lòng với việc giải quyết hồ sơ hôm nay?' }).waitFor();
    await page.getByRole('button', { name: /Trả lời khảo sát đầy đủ/ }).click();
    for (let step = 1; step <= 8; step++) {
      await page.getByText(`Phần ${step} trên 8`).waitFor();
      const groups = page.locator('fieldset.rating');
      for (let k = 0; k < (await groups.count()); k++) await groups.nth(k).getByRole('radio', { name: k % 3 ? 'Hài lòng' : 'Bình thường', exact: true }).check();
      if (step === 7) await page.getByRole('radio', { name: 'Từ 35 đến 49 tuổi' }).check();
      if (step < 8) await page.getByRole('button', { name: 'Tiếp tục' }).click();
    }
    await page.getByRole('textbox').fill('Phục vụ tốt.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();

    const handle = openDatabase(config);
    try {
      await expect.poll(async () => (await handle.db.selectFrom('responses').selectAll().execute()).length, { timeout: 15_000 }).toBe(1);
      const [row] = await handle.db.selectFrom('responses').selectAll().execute();
      expect(row).toMatchObject({ survey_id: 'sipas-2017', survey_version: 1, channel: 'kiosk', unit_code: 'MC' });
      const answers = JSON.parse(row!.answers);
      expect(Object.values(answers).filter((v) => v === 4)).toHaveLength(13);
      expect(Object.values(answers).filter((v) => v === 3)).toHaveLength(9);
      expect(answers).toMatchObject({ age_band: 'a35_49', suggestion: 'Phục vụ tốt.' });
    } finally {
      await handle.close();
    }
  });

  it('signs the printed admin in, serves the Excel report and the report page\'s script from the build, and stops cleanly on SIGTERM', async () => {
    const password = /one-time password\n\[sipas\] {3}(\S+)/.exec(server.output())![1]!;
    const headers = await signInOver(server, 'admin', password);
    const changed = await fetch(`${server.url}/api/staff/password`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ current: password, next: 'mat-khau-moi-2026' }) });
    expect(changed.status).toBe(200);

    // exceljs is loaded on first use from the build's own place (import(), createRequire), which a
    // bundle could miss.
    const xlsx = await fetch(`${server.url}/api/exports/scores.xlsx?survey=sipas-2017`, { headers });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const template = await fetch(`${server.url}/api/staff/organisation/template.xlsx`, { headers });
    expect(template.status).toBe(200);
    expect(Buffer.from(await template.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    // server/static/ is found from the project's root, wherever the code runs from.
    const script = await fetch(`${server.url}/static/report.js`);
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(100);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing the responses in flight');
  });
});

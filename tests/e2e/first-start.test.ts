import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openDatabase } from '../../server/db/open-database';
import { launchBrowser } from '../helpers/browser';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { databaseUrl, dropConfig, freshConfig } from '../helpers/test-database';

// What a newcomer does: start the server on an empty database, open the printed kiosk link, and
// answer the whole SIPAS questionnaire; the answers land in the SQLite file.
describe('the first start, as a newcomer sees it', () => {
  let browser: Browser;
  let server: ServerProcess;
  let config: Awaited<ReturnType<typeof freshConfig>>;
  beforeAll(async () => {
    browser = await launchBrowser();
    config = await freshConfig('sqlite');
    server = await startServerProcess(databaseUrl(config), { PUBLIC_URL: 'http://localhost:1' });
  });
  afterAll(async () => {
    await browser.close();
    server.child.kill('SIGTERM');
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
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { openEnrolledKiosk } from '../helpers/kiosk-page';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('the kiosk page in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    server = await startTestServer();
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  });
  afterEach(async () => {
    await page.close();
    await server.close();
  });

  const rows = () => server.database.handle.db.selectFrom('responses').selectAll().execute();

  it('opens in Vietnamese and takes a quick rating with reasons', async () => {
    await openEnrolledKiosk(page, server, { unit: 'MC-Q2' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ông/Bà hài lòng với việc giải quyết hồ sơ hôm nay?');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByRole('button', { name: 'Không hài lòng' }).click();
    await page.getByRole('checkbox', { name: 'Phải đi lại nhiều lần' }).check();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();
    // The next person starts from a clean welcome screen (pressed before the thanks time out).
    await page.getByRole('button', { name: 'Xong' }).click();
    await page.getByRole('heading', { name: 'Ông/Bà hài lòng với việc giải quyết hồ sơ hôm nay?' }).waitFor();
    // Thanked once the answer is kept on the tablet; it reaches the server a moment later.
    await expect.poll(async () => (await rows()).length, { timeout: 15_000 }).toBe(1);
    const [row] = await rows();
    expect(row).toMatchObject({ survey_id: 'counter-quick', survey_version: 1, channel: 'kiosk', unit_code: 'MC-Q2' });
    expect(JSON.parse(row!.answers)).toEqual({ overall: 1, reasons: ['many_trips'] });
  });

  it('walks through the whole SIPAS questionnaire, one element per screen, and stores every answer', async () => {
    await openEnrolledKiosk(page, server);
    await page.getByRole('button', { name: /Trả lời khảo sát đầy đủ/ }).click();

    const elements = ['Tiếp cận dịch vụ', 'Thủ tục hành chính', 'Công chức trực tiếp giải quyết công việc', 'Kết quả cung ứng dịch vụ', 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị'];
    for (const [i, title] of elements.entries()) {
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await page.getByText(`Phần ${i + 1} trên 8`).count()).toBe(1);
      const groups = page.getByRole('group');
      const n = await page.locator('fieldset.rating').count();
      for (let k = 0; k < n; k++) {
        const group = page.locator('fieldset.rating').nth(k);
        // The last criterion of the feedback element: "no opinion"; the rest: satisfied levels.
        const label = i === 4 && k === n - 1 ? 'Không có ý kiến' : k % 2 ? 'Rất hài lòng' : 'Hài lòng';
        await group.getByRole('radio', { name: label, exact: true }).check();
      }
      expect(await groups.count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
    }
    await page.getByRole('heading', { name: 'Về hồ sơ của Ông/Bà' }).waitFor();
    await page.getByRole('radio', { name: 'Trực tiếp tại Bộ phận Một cửa' }).check();
    await page.getByRole('radio', { name: '1 lần' }).check();
    await page.getByRole('radio', { name: 'Không', exact: true }).check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { name: /Thông tin về Ông\/Bà/ }).waitFor();
    await page.getByRole('radio', { name: 'Nữ' }).check();
    await page.getByRole('radio', { name: 'Trên 60 tuổi' }).check();
    await page.getByRole('radio', { name: 'Đại học', exact: true }).check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('textbox').fill('Nên có thêm ghế chờ.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();

    await expect.poll(async () => (await rows()).length, { timeout: 15_000 }).toBe(1);
    const [row] = await rows();
    expect(row).toMatchObject({ survey_id: 'sipas-2017', survey_version: 1, channel: 'kiosk' });
    const answers = JSON.parse(row!.answers);
    expect(Object.keys(answers)).toHaveLength(22 + 7);
    expect(answers).toMatchObject({ access_seats: 4, access_equipment_enough: 5, fb_reported: 0, gender: 'female', age_band: 'over_60', education: 'university', trips: 'one', informal_payment: 'no', suggestion: 'Nên có thêm ghế chờ.' });
  });

  it('switches to English and back', async () => {
    await openEnrolledKiosk(page, server);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'How satisfied are you with how your dossier was handled today?' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Ông/Bà hài lòng với việc giải quyết hồ sơ hôm nay?' }).waitFor();
  });
});

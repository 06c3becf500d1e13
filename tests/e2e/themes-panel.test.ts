import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { clickStill } from '../helpers/click-still';
import { storeResponses } from '../helpers/store-responses';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('the themes panel of the scores dashboard in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let manager: SignedIn;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    server = await startTestServer('sqlite', { now: new Date('2026-11-20T03:00:00Z') });
    const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T03:00:00Z`;
    await storeResponses(server, [
      { unit: 'MC-Q1', official: 'CB-01', submittedAt: at(2), answers: { access_seats: 1, suggestion: 'Phải chờ đợi quá lâu' } },
      { unit: 'MC-Q1', official: 'CB-01', submittedAt: at(3), answers: { access_seats: 2, suggestion: 'XEP HANG tu sang, goi 0912 345 678' } },
      { unit: 'MC-Q1', official: 'CB-01', submittedAt: at(4), answers: { access_seats: 5, suggestion: 'Cán bộ rất nhiệt tình' } },
      { unit: 'MC-Q1', official: 'CB-01', submittedAt: at(5), answers: { access_seats: 5 } },
      { unit: 'MC-Q1', official: 'CB-01', submittedAt: at(6), answers: { access_seats: 4 } },
      // One response about CB-03: their words never appear.
      { unit: 'MC-Q2', official: 'CB-03', submittedAt: at(7), answers: { access_seats: 1, suggestion: 'Quầy 3 bắt chờ đợi cả buổi' } },
    ]);
    manager = await signIn(server, 'hoa', 'manager', 'MC');
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    await page.close();
    await server.close();
  });

  /**
   * Shows March and waits until its panels are all drawn. The dashboard opens on the last 12
   * months, which hold the same texts: without the wait, a click could land while March's figures
   * arrive and the panels are drawn again, and go nowhere (a flake seen once under load).
   */
  const showMarch = async () => {
    const march = page.waitForResponse((r) => r.url().includes('/api/staff/themes?') && r.url().includes('from=2026-03-01'));
    await page.getByLabel('Kỳ báo cáo').selectOption('month');
    await page.getByLabel('Tháng', { exact: true }).fill('2026-03');
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    await march;
    // From the request on, the results are busy until the last stage of March's panels is drawn.
    await page.locator('.scores__results[aria-busy="false"]').waitFor();
  };

  /**
   * Does what a person does to change one text's themes and waits until the server has answered
   * it, so that a failure says which step was missing: the request (the click went elsewhere), the
   * server's answer, or the page's message (checked by the caller).
   */
  const savedBy = async (act: () => Promise<unknown>, method: 'PUT' | 'DELETE') => {
    const answered = page.waitForResponse((r) => r.request().method() === method && r.url().includes('/api/staff/themes/texts/'));
    await act();
    const response = await answered;
    expect(`${method} ${response.status()}`).toBe(`${method} 200`);
  };

  it('shows each theme\'s count, share and dissatisfaction with masked examples, and passes axe', async () => {
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('hoa');
    await page.getByLabel('Mật khẩu').fill('hoa-password-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chỉ số hài lòng về sự phục vụ hành chính' }).waitFor();
    await showMarch();

    const api = (await server.call('GET', '/api/staff/themes?survey=sipas-2017&from=2026-03-01&to=2026-03-31&unit=MC', undefined, manager.headers)).body;
    expect(api.texts).toBe(4);
    const waiting = api.themes.find((x: { id: string }) => x.id === 'waiting');
    expect(waiting.texts).toBe(3);

    const panel = page.locator('[data-panel="themes"]');
    await panel.getByRole('heading', { level: 2, name: 'Chủ đề' }).waitFor();
    await expect.poll(() => panel.locator('[data-theme="waiting"] [data-figure="texts"]').textContent()).toBe('3');
    expect(await panel.locator('[data-theme="waiting"] [data-figure="share"]').textContent()).toBe('75,00%');
    expect(await panel.locator('[data-theme="waiting"] th').textContent()).toBe('Chờ đợi, xếp hàng');
    expect(await panel.locator('[data-theme="praise"] [data-figure="texts"]').textContent()).toBe('1');
    const examples = panel.locator('[data-examples="waiting"] blockquote');
    expect(await examples.allTextContents()).toEqual(['XEP HANG tu sang, goi […]', 'Phải chờ đợi quá lâu']);
    expect(await panel.getByText('Quầy 3').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // The manager takes "praise" off the one text that has it: the table follows.
    await savedBy(() => clickStill(panel.getByRole('button', { name: /^Bỏ chủ đề này: “Khen ngợi”/ })), 'DELETE');
    // The panel says whether the change was saved (or why not) before the figures follow.
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Đã bỏ chủ đề khỏi ý kiến.');
    await expect.poll(() => panel.locator('[data-theme="praise"] [data-figure="texts"]').textContent()).toBe('0');
    expect(await panel.locator('[data-examples="praise"]').count()).toBe(0);

    // In English too.
    await clickStill(page.getByRole('button', { name: 'English' }));
    await panel.getByRole('heading', { level: 2, name: 'Themes' }).waitFor();
    expect(await panel.locator('[data-theme="waiting"] th').textContent()).toBe('Waiting and queues');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets an admin edit the lexicon on the page, which re-tags the texts', async () => {
    await signIn(server, 'root', 'admin');
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('root');
    await page.getByLabel('Mật khẩu').fill('root-password-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await showMarch();
    const panel = page.locator('[data-panel="themes"]');
    await expect.poll(() => panel.locator('[data-theme="praise"] [data-figure="texts"]').textContent()).toBe('1');

    const editor = page.getByLabel('Bộ từ khóa (JSON)');
    await expect.poll(() => editor.inputValue()).toContain('"praise"');
    const lexicon = JSON.parse(await editor.inputValue());
    lexicon.themes.find((x: { id: string }) => x.id === 'praise').phrases = ['không có cụm này'];
    await editor.fill(JSON.stringify(lexicon, null, 2));
    await clickStill(page.getByRole('button', { name: 'Lưu bộ từ khóa' }));
    await page.getByText(/Đã lưu \(lần sửa 2\); đã gắn lại chủ đề cho 4 ý kiến\./).waitFor();
    await expect.poll(() => panel.locator('[data-theme="praise"] [data-figure="texts"]').textContent()).toBe('0');

    await editor.fill('{ not json');
    await clickStill(page.getByRole('button', { name: 'Lưu bộ từ khóa' }));
    await page.getByText('Nội dung không phải JSON hợp lệ.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A theme the lexicon missed is added to one text by hand, and counts.
    const before = Number(await panel.locator('[data-theme="informal_fees"] [data-figure="texts"]').textContent());
    await savedBy(() => panel.locator('[data-examples="waiting"] select').first().selectOption('informal_fees'), 'PUT');
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Đã thêm chủ đề cho ý kiến này.');
    await expect.poll(() => panel.locator('[data-theme="informal_fees"] [data-figure="texts"]').textContent()).toBe(String(before + 1));

    // How long raw responses are kept: the field will not take less than a month, then it is saved.
    const days = page.getByLabel('Số ngày lưu phiếu gốc và ý kiến (để trống: lưu mãi)');
    await expect.poll(() => days.inputValue()).toBe('');
    await days.fill('7');
    expect(await days.evaluate((el) => (el as HTMLInputElement).validity.rangeUnderflow)).toBe(true);
    await days.fill('365');
    await clickStill(page.getByRole('button', { name: 'Lưu thời gian lưu' }));
    await page.getByText('Đã lưu: phiếu gốc được giữ 365 ngày.').waitFor();
    expect((await server.call('GET', '/api/staff/retention', undefined, (await signIn(server, 'root3', 'admin')).headers)).body.responseDays).toBe(365);
    expect(await axeViolations(page)).toEqual([]);
  });
});

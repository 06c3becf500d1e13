import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { testScheduler } from '../helpers/alert-scheduler';
import { launchBrowser } from '../helpers/browser';
import { signIn } from '../helpers/staff-session';
import { storeResponses } from '../helpers/store-responses';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('alerts and publications in the staff page, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    server = await startTestServer('sqlite', { now: new Date('2026-03-29T23:00:00Z') });
    await signIn(server, 'root', 'admin');
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('root');
    await page.getByLabel('Mật khẩu').fill('root-password-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chỉ số hài lòng về sự phục vụ hành chính' }).waitFor();
  });
  afterEach(async () => {
    await page.close();
    await server.close();
  });

  it('creates a rule from the form, and shows the alert it raises on the dashboard', async () => {
    await page.getByRole('link', { name: 'Cảnh báo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cảnh báo khi chất lượng phục vụ giảm' }).waitFor();
    await page.getByLabel('Địa chỉ thư điện tử').fill('root@langson.gov.vn');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu.', { exact: true }).waitFor();
    // What was typed is what is kept: the stored contact, arriving late, never overwrites it.
    expect(await server.database.handle.db.selectFrom('staff_contacts').select('email').execute()).toEqual([{ email: 'root@langson.gov.vn' }]);
    expect(await page.getByLabel('Địa chỉ thư điện tử').inputValue()).toBe('root@langson.gov.vn');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Đơn vị', { exact: true }).selectOption('MC-Q1');
    await page.getByLabel('Người nhận thư (tên đăng nhập, cách nhau bởi dấu phẩy)').fill('root');
    await page.getByRole('button', { name: 'Lưu quy tắc' }).click();
    await page.locator('tr[data-rule]').getByText('Quầy số 1 - Đầu tư, Xây dựng').waitFor();

    await storeResponses(server, Array.from({ length: 200 }, (_, i) => ({ unit: 'MC-Q1', submittedAt: new Date(Date.parse('2026-03-05T03:00:00Z') + i * 3_600_000).toISOString(), answers: { access_seats: i < 160 ? 4 : 2 } })));
    expect(await testScheduler(server, null).runOnce()).toMatchObject({ opened: 1 });
    await page.getByRole('link', { name: 'Chỉ số hài lòng' }).click();
    const panel = page.getByRole('region', { name: 'Cảnh báo đang mở' });
    await panel.getByText(/Chỉ số SIPAS chung trong 30 ngày qua: 80,00%/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets an admin publish a unit\'s results, never a single counter', async () => {
    await page.getByRole('link', { name: 'Công bố kết quả' }).click();
    await page.getByRole('heading', { level: 1, name: 'Công bố kết quả trên trang /ket-qua' }).waitFor();
    expect(await page.getByRole('checkbox', { name: /Ban Quản lý Khu kinh tế/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Quầy số 1 - Đầu tư, Xây dựng' }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /Phòng Quản lý Đầu tư/ }).check();
    // Saved once the box is enabled again (it is disabled while the change is on its way).
    await page.waitForFunction(() => document.querySelectorAll('.publications input:checked:not(:disabled)').length === 2);
    expect(await axeViolations(page)).toEqual([]);
    const published = (await server.call('GET', '/api/public/results')).body.units.map((u: { code: string }) => u.code);
    expect(published).toEqual(['BQL', 'QLDT']);
  });
});

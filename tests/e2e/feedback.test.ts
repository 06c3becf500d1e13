import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { openEnrolledKiosk } from '../helpers/kiosk-page';
import { signIn } from '../helpers/staff-session';
import { startTestServer, type TestServer } from '../helpers/test-server';

const PHONE = '0912 345 678';

describe('feedback in Chromium: kiosk, staff inbox, tracking and public pages', () => {
  let browser: Browser;
  let server: TestServer;
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.context().close();
    await server.close();
  });

  /** A page in its own browser context (its own cookies and storage). */
  async function open(path: string, viewport = { width: 1024, height: 768 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    pages.push(page);
    await page.goto(`${server.url}${path}`);
    return page;
  }
  async function expectAccessible(page: Page, where: string) {
    expect(await axeViolations(page), where).toEqual([]);
  }
  async function signInToStaffPage(username: string, role: 'manager' | 'admin', unit?: string) {
    await signIn(server, username, role, unit);
    const page = await open('/staff');
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(`${username}-password-1`);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Góp ý, phản ánh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Góp ý, phản ánh' }).waitFor();
    return page;
  }

  it('takes a complaint at the kiosk, answers it in the inbox, shows the reply to the sender and the public', async () => {
    // The kiosk: from the welcome screen to the form, which stays inside the kiosk.
    const kiosk = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    pages.push(kiosk);
    await openEnrolledKiosk(kiosk, server, { unit: 'MC-Q1' });
    const toFeedback = kiosk.getByRole('button', { name: /Góp ý, phản ánh/ });
    await toFeedback.waitFor();
    await expectAccessible(kiosk, 'kiosk welcome screen');
    await toFeedback.click();
    await kiosk.getByRole('heading', { level: 1, name: 'Góp ý, phản ánh, kiến nghị' }).waitFor();
    expect(await kiosk.getByLabel('Đơn vị liên quan').inputValue()).toBe('MC-Q1');
    await expectAccessible(kiosk, 'kiosk feedback form');

    // Sending an empty form names what is missing and moves to the first of it.
    await kiosk.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await kiosk.getByText('Vui lòng chọn Góp ý, Phản ánh hoặc Kiến nghị.').waitFor();
    expect(await kiosk.getByText('Vui lòng viết nội dung, ít nhất 5 ký tự.').count()).toBe(1);
    await expectAccessible(kiosk, 'kiosk feedback form with errors');

    await kiosk.getByRole('radio', { name: /Kiến nghị/ }).check();
    await kiosk.getByLabel('Thủ tục hành chính (nếu có)').selectOption('LD-01');
    await kiosk.getByLabel('Nội dung').fill('Cán bộ Nông Văn Hùng hẹn tôi ba lần mà chưa trả kết quả.');
    await kiosk.getByRole('checkbox', { name: /trả lời riêng/ }).check();
    await kiosk.getByRole('textbox', { name: 'Số điện thoại hoặc e-mail' }).fill(PHONE);
    await kiosk.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await kiosk.getByRole('heading', { name: 'Đã gửi ý kiến của Ông/Bà' }).waitFor();
    const code = (await kiosk.locator('.fb-code').textContent())!;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    // The QR code is an image of its own request: waited for until drawn (decode() fails if it is broken).
    expect(await kiosk.locator('img.fb-qr').evaluate(async (img: HTMLImageElement) => (await img.decode(), img.naturalWidth > 0))).toBe(true);
    expect(await kiosk.locator('main a').count()).toBe(0); // nothing leads away from the kiosk
    await expectAccessible(kiosk, 'kiosk sent screen');
    await kiosk.getByRole('button', { name: 'Xong' }).click();
    await kiosk.getByRole('heading', { name: 'Ông/Bà hài lòng với việc giải quyết hồ sơ hôm nay?' }).waitFor();

    // The staff inbox of the counter's manager.
    const staff = await signInToStaffPage('lan', 'manager', 'MC');
    await staff.getByRole('cell', { name: /Nông Văn Hùng hẹn tôi/ }).waitFor();
    await expectAccessible(staff, 'staff inbox');
    await staff.locator('.fb-link').first().click();
    await staff.getByRole('heading', { level: 2, name: /Kiến nghị/ }).waitFor();
    await staff.getByRole('button', { name: 'Xem liên hệ' }).click();
    await staff.getByText('0912345678').waitFor();
    await expectAccessible(staff, 'staff item');

    await staff.getByLabel('Trả lời người gửi').fill('Cơ quan đã trả kết quả ngày 10/3 và nhắc nhở cán bộ Nông Văn Hùng.');
    await staff.getByRole('button', { name: 'Lưu câu trả lời' }).click();
    await staff.getByRole('status').getByText('Đã lưu.').waitFor();
    await staff.getByRole('button', { name: 'Đánh dấu đã trả lời' }).click();
    await staff.locator('.fb-badge', { hasText: 'Đã trả lời' }).waitFor();
    await staff.getByLabel('Cụm từ', { exact: true }).fill('Nông Văn Hùng');
    await staff.getByRole('button', { name: 'Thêm', exact: true }).click();
    await staff.getByRole('checkbox', { name: 'Cho phép công khai trên trang kết quả' }).check();
    await staff.getByRole('button', { name: 'Lưu công khai' }).click();
    await staff.getByRole('status').getByText('Đã lưu.').waitFor();
    expect(await staff.locator('.fb-detail .fb-quote').last().textContent()).toBe('Cán bộ […] hẹn tôi ba lần mà chưa trả kết quả.');
    await expectAccessible(staff, 'staff item after answering');

    // The sender's tracking page: the status and the reply, never the phone number.
    const tracking = await open(`/gop-y/${code}`, { width: 390, height: 844 });
    await tracking.getByText('Cơ quan đã trả kết quả ngày 10/3 và nhắc nhở cán bộ Nông Văn Hùng.').waitFor();
    expect(await tracking.locator('[aria-current="step"]').textContent()).toContain('Đã trả lời');
    expect(await tracking.content()).not.toMatch(/0912|345 678/);
    await expectAccessible(tracking, 'tracking page');

    // The public page: the answer, with the official's name removed.
    const published = await open('/gop-y/cong-khai', { width: 390, height: 844 });
    await published.getByText('Cán bộ […] hẹn tôi ba lần mà chưa trả kết quả.').waitFor();
    await published.getByText('Cơ quan đã trả kết quả ngày 10/3 và nhắc nhở cán bộ […].').waitFor();
    expect(await published.content()).not.toMatch(/Nông Văn Hùng|0912/);
    await expectAccessible(published, 'public page');
  });

  it('sends a suggestion from /gop-y on a phone, in English, with big targets', async () => {
    const page = await open('/gop-y?unit=QLDT', { width: 375, height: 740 });
    await page.getByRole('heading', { level: 1, name: 'Góp ý, phản ánh, kiến nghị' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expectAccessible(page, 'send page');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Suggestions, reports and complaints' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    for (const target of [page.getByRole('radio', { name: /A suggestion/ }).locator('xpath=..'), page.getByLabel('Unit concerned'), page.getByRole('button', { name: 'Send', exact: true })]) {
      const box = (await target.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(48);
    }
    await page.getByRole('radio', { name: /A suggestion/ }).check();
    await page.getByLabel('What would you like to tell us?').fill('Please add a ramp at the entrance.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('heading', { name: 'Your message has been sent' }).waitFor();
    await expectAccessible(page, 'sent page');
    const code = (await page.locator('.fb-code').textContent())!;
    const [row] = await server.database.handle.db.selectFrom('feedback_items').selectAll().execute();
    expect(row).toMatchObject({ kind: 'suggestion', unit_code: 'QLDT', channel: 'web', text: 'Please add a ramp at the entrance.', contact_sealed: null });

    await page.getByRole('link', { name: 'See the status of my message' }).click();
    await page.getByRole('heading', { level: 1, name: 'Theo dõi ý kiến' }).waitFor();
    expect(await page.locator('.fb-mono').textContent()).toBe(code);
    expect(await page.locator('[aria-current="step"]').textContent()).toContain('Đã tiếp nhận');

    // A mistyped code: a clear message and the lookup form to try again.
    await page.goto(`${server.url}/gop-y/ABCD-EFGH-JKMN-PQRS`);
    await page.getByText('Không tìm thấy ý kiến với mã này. Vui lòng kiểm tra lại mã.').waitFor();
    await expectAccessible(page, 'tracking page, unknown code');
    await page.getByLabel('Mã theo dõi (16 ký tự)').fill(code.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByText('Please add a ramp at the entrance.').waitFor();
  });

  it('makes overdue items stand out in the inbox, and shows the figures', async () => {
    server.clock.now = new Date('2026-03-02T02:00:00Z');
    for (const [unit, text] of [['MC-Q1', 'Chờ quá lâu ở quầy số 1.'], ['MC-Q2', 'Quầy số 2 thiếu ghế.']]) {
      const res = await server.call('POST', '/api/feedback', { id: crypto.randomUUID(), kind: 'report', unit, text, channel: 'web', device: `e2e-${unit}` });
      expect(res.status).toBe(201);
    }
    server.clock.now = new Date('2026-03-25T03:00:00Z');
    const staff = await signInToStaffPage('hoa', 'manager', 'MC');
    const overdueRows = staff.locator('tr.fb-row--overdue');
    await overdueRows.first().waitFor();
    expect(await overdueRows.count()).toBe(2);
    expect(await staff.locator('.fb-badge--overdue').first().textContent()).toBe('Quá hạn');
    await staff.getByRole('button', { name: 'Số liệu' }).click();
    await staff.getByLabel('Từ ngày').fill('2026-03-01');
    await staff.getByLabel('Đến ngày').fill('2026-03-31');
    await staff.getByRole('button', { name: 'Xem' }).click();
    const total = staff.getByRole('table', { name: 'Tổng' });
    // The chosen range's table, not the one drawn first for the year so far (its row names the range).
    await total.locator('th[scope="row"]', { hasText: '2026-03-01' }).waitFor();
    await total.getByRole('cell', { name: '2', exact: true }).first().waitFor();
    const cells = await total.locator('tbody td').allTextContents();
    expect(cells.slice(0, 7)).toEqual(['2', '0', '0', '0', '2', '2', '—']); // received, answered, on time, late, open, overdue, median
    expect(cells[7]).toBe('0 %0/2');
    await expectAccessible(staff, 'figures');
  });

  it('lets an admin set the handling period and holidays, which new items follow, and find an item by its code', async () => {
    const admin = await signInToStaffPage('root', 'admin');
    await admin.getByRole('button', { name: 'Cài đặt' }).click();
    const days = admin.getByLabel('Thời hạn trả lời (ngày làm việc)');
    await expect.poll(() => days.inputValue()).toBe('10');
    await expectAccessible(admin, 'settings');
    await days.fill('3');
    await admin.getByLabel(/Ngày nghỉ lễ/).fill('2026-03-09\n2026-03-09');
    await admin.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await admin.getByRole('status').getByText('Đã lưu cài đặt.').waitFor();
    expect(await admin.getByLabel(/Ngày nghỉ lễ/).inputValue()).toBe('2026-03-09');

    server.clock.now = new Date('2026-03-06T02:00:00Z'); // a Friday; Monday the 9th is now a holiday
    const sent = await server.call('POST', '/api/feedback', { id: crypto.randomUUID(), kind: 'complaint', unit: 'TTCK', text: 'Xe chờ thông quan quá lâu.', channel: 'web', device: 'e2e-settings' });
    expect(sent.body.dueDate).toBe('2026-03-12');
    server.clock.now = new Date();
    await admin.getByRole('button', { name: 'Hộp thư' }).click();
    await admin.getByLabel('Mã theo dõi').fill(sent.body.code.toLowerCase());
    await admin.getByLabel('Mã theo dõi').press('Enter');
    await admin.getByRole('cell', { name: 'Xe chờ thông quan quá lâu.' }).waitFor();
    // The unfiltered inbox may show it first: wait for the search's answer to replace the list.
    await expect.poll(() => admin.locator('.fb-inbox tbody tr').count()).toBe(1);
  });
});

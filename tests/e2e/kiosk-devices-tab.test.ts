// Staff watch and manage the tablets: repeated taps show up as flagged answers, a revoked tablet
// stops at once, and the tab passes axe-core.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { openEnrolledKiosk, signInOnStaffPage, WELCOME_VI } from '../helpers/kiosk-page';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('the staff devices tab in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let kiosk: Page;
  let staff: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    server = await startTestServer();
    kiosk = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    staff = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterEach(async () => {
    await kiosk.context().close();
    await staff.context().close();
    await server.close();
  });
  const rows = () => server.database.handle.db.selectFrom('responses').select(['flagged']).orderBy('submitted_at').execute();
  const deviceRow = (id: string) => staff.locator(`tr[data-device="${id}"]`);
  const cell = (id: string, column: number) => deviceRow(id).locator('td').nth(column);

  it('shows repeated taps on the same face as flagged answers, counted and as a share', async () => {
    const { id } = await openEnrolledKiosk(kiosk, server, { unit: 'MC-Q1', name: 'Máy quầy 1', repeatSeconds: 30 });
    for (let i = 0; i < 5; i++) {
      await kiosk.getByRole('button', { name: 'Rất hài lòng', exact: true }).click();
      await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await kiosk.getByRole('button', { name: 'Xong' }).click();
      await kiosk.getByRole('heading', { level: 1, name: WELCOME_VI }).waitFor();
    }
    await expect.poll(async () => (await rows()).map((r) => r.flagged), { timeout: 15_000 }).toEqual([0, 1, 1, 1, 1]);

    await signInOnStaffPage(staff, server, 'hoa', 'manager', 'MC');
    await deviceRow(id).waitFor();
    expect(await deviceRow(id).locator('th').textContent()).toBe('Máy quầy 1');
    // Columns after the name: unit, status, last seen, queued, today, flagged today, flagged in all.
    expect(await cell(id, 1).textContent()).toBe('Đang hoạt động');
    expect(await cell(id, 4).textContent()).toBe('5');
    expect(await cell(id, 5).textContent()).toMatch(/^4 \(80\s?%\)$/);
    expect(await cell(id, 6).textContent()).toMatch(/^4 \(80\s?%\)$/);
    expect(await axeViolations(staff)).toEqual([]);
  });

  it('registers, shows the one-time code, changes settings and revokes; the revoked tablet stops', async () => {
    const { id } = await openEnrolledKiosk(kiosk, server, { unit: 'MC-Q2', name: 'Máy quầy 2' });
    await signInOnStaffPage(staff, server, 'root', 'admin');
    await deviceRow(id).waitFor();

    await staff.getByLabel('Tên máy').fill('Máy phòng đầu tư');
    await staff.getByLabel('Đơn vị / quầy').selectOption({ label: 'Phòng Quản lý Đầu tư' });
    await staff.getByRole('button', { name: 'Đăng ký máy' }).click();
    await staff.getByRole('heading', { name: 'Mã đăng ký cho máy “Máy phòng đầu tư”' }).waitFor();
    await staff.getByRole('img', { name: 'Mã QR để đăng ký máy Máy phòng đầu tư' }).waitFor();
    await staff.getByRole('row', { name: /Máy phòng đầu tư/ }).getByText('Chờ đăng ký').waitFor();
    expect(await axeViolations(staff)).toEqual([]);
    await staff.getByRole('button', { name: 'Đã xong' }).click();

    await staff.getByRole('button', { name: 'Cài đặt máy Máy quầy 2' }).click();
    const settings = staff.getByRole('form', { name: 'Cài đặt máy “Máy quầy 2”' });
    await settings.getByLabel('Thời gian màn hình cảm ơn (giây)').fill('20');
    expect(await axeViolations(staff)).toEqual([]);
    await settings.getByRole('button', { name: 'Lưu' }).click();
    await settings.waitFor({ state: 'detached' });
    const saved = await server.database.handle.db.selectFrom('kiosk_devices').select('thanks_seconds').where('id', '=', id).executeTakeFirstOrThrow();
    expect(saved.thanks_seconds).toBe(20);

    await staff.getByRole('button', { name: 'Thu hồi máy Máy quầy 2' }).click();
    await staff.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await cell(id, 1).getByText('Đã thu hồi').waitFor();

    // The tablet learns it at its next contact and goes back to the enrolment screen.
    await kiosk.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await kiosk.getByRole('heading', { name: 'Đăng ký máy kiosk' }).waitFor();
    await kiosk.getByText('Máy này đã bị thu hồi hoặc đăng ký lại ở nơi khác. Vui lòng báo cán bộ quản lý.').waitFor();
    expect(await rows()).toHaveLength(0);
  });

  it('lets a viewer see the devices but not change them', async () => {
    const { id } = await openEnrolledKiosk(kiosk, server, { unit: 'MC-Q1', name: 'Máy quầy 1' });
    await signInOnStaffPage(staff, server, 'lan', 'viewer', 'MC');
    await deviceRow(id).waitFor();
    expect(await staff.getByRole('button', { name: /Thu hồi/ }).count()).toBe(0);
    expect(await staff.getByRole('heading', { name: 'Đăng ký máy mới' }).count()).toBe(0);
    expect(await axeViolations(staff)).toEqual([]);
  });
});

import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { signIn } from '../helpers/staff-session';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('the invitations and API keys tabs of the staff page, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    server = await startTestServer('sqlite', { now: new Date('2026-03-10T03:00:00Z') });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    await context.close();
    await server.close();
  });
  const as = async (username: string, role: 'admin' | 'manager', unit?: string) => {
    const who = await signIn(server, username, role, unit);
    await context.addCookies([{ name: 'sipas_session', value: who.headers.cookie!.split('=')[1]!, url: server.url }]);
  };

  it('lets a manager make the invitation for a returned dossier and print its slip, alone or in a batch', async () => {
    await as('quanly', 'manager', 'MC');
    const page = await context.newPage();
    await page.goto(`${server.url}/staff#invitations`);
    await page.getByRole('heading', { name: 'Phiếu mời đánh giá bằng mã QR' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Số hồ sơ').fill('000.00.17.H37-260310-0042');
    await page.getByLabel('Nơi trả kết quả').selectOption('MC-Q2');
    await page.getByLabel('Thủ tục hành chính').selectOption('LD-01');
    await page.getByLabel('Cán bộ giải quyết').selectOption('CB-03');
    await page.getByLabel('Ngày hẹn trả').fill('2026-03-12');
    await page.getByRole('button', { name: 'Tạo phiếu mời' }).click();
    await page.getByRole('heading', { name: 'Đã tạo phiếu mời' }).waitFor();
    const code = await page.locator('.issued__code').textContent();
    expect(code).toMatch(/^\d{4} \d{4} \d{4}$/);
    expect(await axeViolations(page)).toEqual([]);
    const print = await page.getByRole('link', { name: 'In phiếu (máy in nhiệt 80 mm)' }).getAttribute('href');
    expect(print).toMatch(/^\/slips\/[0-9a-f-]{36}\?layout=thermal&print=1$/);

    const [row] = await server.database.handle.db.selectFrom('invitations').selectAll().execute();
    expect(row).toMatchObject({ unit_code: 'MC-Q2', procedure_code: 'LD-01', official_code: 'CB-03', due_date: '2026-03-12', timing: 'on_time', created_by: 'staff:quanly' });
    const slip = await context.newPage();
    await slip.goto(`${server.url}${print!.replace('&print=1', '')}`);
    expect(await slip.locator('.slip__code').textContent()).toBe(code);

    // The same dossier again: the same invitation.
    await page.getByLabel('Số hồ sơ').fill('000.00.17.H37-260310-0042');
    await page.getByRole('button', { name: 'Tạo phiếu mời' }).click();
    await page.getByRole('heading', { name: 'Hồ sơ này đã có phiếu mời' }).waitFor();
    expect(await page.locator('.issued__code').textContent()).toBe(code);

    await page.getByRole('checkbox', { name: /Chọn phiếu 1/ }).check();
    const batch = await page.getByRole('link', { name: 'In 1 phiếu đã chọn (A4)' }).getAttribute('href');
    expect(batch).toBe(`/slips?ids=${row!.id}&layout=a4`);
  });

  it('lets an admin issue an API key, shown once, and revoke it', async () => {
    await as('quantri', 'admin');
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${server.url}/staff#api-keys`);
    await page.getByRole('heading', { name: 'Khóa API cho hệ thống một cửa' }).waitFor();
    await page.getByLabel('Tên hệ thống sử dụng').fill('Một cửa điện tử tỉnh');
    await page.getByRole('checkbox', { name: 'Bộ phận Một cửa' }).check();
    await page.getByRole('button', { name: 'Cấp khóa' }).click();
    const key = await page.locator('.new-key__value').textContent();
    expect(key).toMatch(/^sipas_[A-Za-z0-9_-]{43}$/);
    await page.getByRole('cell', { name: 'Một cửa điện tử tỉnh' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const invite = (authorization: string) => server.call('POST', '/api/invitations', { dossierCode: 'HS-1', procedure: 'DT-01', unit: 'MC-Q1' }, { authorization });
    expect((await invite(`Bearer ${key}`)).status).toBe(201);
    await page.getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByText(/Đã thu hồi ngày/).waitFor();
    expect((await invite(`Bearer ${key}`)).status).toBe(401);
  });
});

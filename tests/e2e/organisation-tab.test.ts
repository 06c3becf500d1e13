// An office sets itself up from the staff page on an empty server (SIPAS_DEMO=0): the admin signs
// in with the printed one-time password, fills in the template, previews, applies, registers a
// kiosk for a new counter, and its first answer shows in the scores. Then the "Tổ chức" tab on the
// demo: one entry at a time with the keyboard, a refused change and a refused workbook in both
// languages, a stale preview. axe-core finds nothing on the set-up screen or the tab.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database';
import { vietnamDate } from '../../server/scoring/vietnam-time';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { signInOnStaffPage, WELCOME_VI } from '../helpers/kiosk-page';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { signIn } from '../helpers/staff-session';
import { databaseUrl, dropConfig, freshConfig } from '../helpers/test-database';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('the organisation on the staff page, in Chromium', () => {
  let browser: Browser;
  let files: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    files = mkdtempSync(join(tmpdir(), 'sipas-org-e2e-'));
  });
  afterAll(async () => {
    await browser.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('sets up an office on an empty server from the template, registers its kiosk and counts its first answer', async () => {
    const config = await freshConfig('sqlite');
    const server: ServerProcess = await startServerProcess(databaseUrl(config), { SIPAS_DEMO: '0', ALERTS_INTERVAL_S: '0' });
    const staff = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    const kiosk = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    try {
      expect(server.output()).toContain('sign in at /staff as admin to set up the office');
      const password = /one-time password\n\[sipas\] {3}(\S+)/.exec(server.output())?.[1];
      expect(password).toBeDefined();

      // Signs in with the printed password and chooses their own, as on any first start.
      await staff.goto(`${server.url}/staff`);
      await staff.getByLabel('Tên đăng nhập').fill('admin');
      await staff.getByLabel('Mật khẩu').fill(password!);
      await staff.getByRole('button', { name: 'Đăng nhập' }).click();
      await staff.getByLabel('Mật khẩu hiện tại').fill(password!);
      await staff.getByLabel('Mật khẩu mới').fill('van-phong-xa-2026');
      await staff.getByRole('button', { name: 'Lưu mật khẩu' }).click();

      // No organisation yet: the set-up screen, and no tabs.
      await staff.getByRole('heading', { level: 1, name: 'Thiết lập cơ quan' }).waitFor();
      expect(await staff.getByRole('navigation').count()).toBe(0);
      expect(await axeViolations(staff)).toEqual([]);

      // The template, downloaded and filled in as an office would in Excel.
      const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('link', { name: 'Tải tệp mẫu' }).click()]);
      expect(download.suggestedFilename()).toBe('mau-to-chuc.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      workbook.getWorksheet('Đơn vị')!.addRow(['TTHCC-Q2', 'Quầy số 2 - Đất đai', 'Counter 2 – Land', 'counter', 'TTHCC', 2, 'Có']);
      workbook.getWorksheet('Thủ tục')!.addRow(['1.004227', 'Đăng ký đất đai lần đầu', 'First land registration', 'Đất đai', 'Land', 'TTHCC', 30, 'Có']);
      workbook.getWorksheet('Cán bộ')!.addRow(['CB-002', 'Lý Văn Tài', 'TTHCC', 'TTHCC-Q2', 'Có']);
      const filled = join(files, 'to-chuc.xlsx');
      writeFileSync(filled, Buffer.from(await workbook.xlsx.writeBuffer()));

      await staff.getByLabel('Tệp Excel (.xlsx) hoặc CSV').setInputFiles(filled);
      await staff.getByRole('button', { name: 'Xem trước' }).click();
      await staff.getByRole('heading', { name: 'Xem trước: to-chuc.xlsx' }).waitFor();
      expect(await staff.locator('[data-counts]').textContent()).toBe('Sẽ thêm 7, sửa 0, ngừng hoạt động 0.');
      await staff.getByText('Thêm đơn vị TTHCC-Q2 (Quầy số 2 - Đất đai) — dòng 4').waitFor();
      await staff.getByText('Thêm cán bộ CB-002 (Lý Văn Tài) — dòng 3').waitFor();
      expect(await axeViolations(staff)).toEqual([]);
      const handle = openDatabase(config);
      try {
        expect(await handle.db.selectFrom('units').selectAll().execute()).toEqual([]); // the preview stored nothing
      } finally {
        await handle.close();
      }

      await staff.getByRole('button', { name: 'Áp dụng' }).click();
      await staff.getByRole('heading', { name: 'Đã thiết lập xong' }).waitFor();
      await staff.getByText('Đã áp dụng: thêm 7, sửa 0, ngừng hoạt động 0.').waitFor();
      expect(await axeViolations(staff)).toEqual([]);

      // A kiosk for the new land counter, registered on the devices tab as any office does.
      await staff.getByRole('button', { name: 'Đăng ký máy kiosk' }).click();
      await staff.getByRole('heading', { level: 1, name: 'Thiết bị kiosk' }).waitFor();
      await staff.getByLabel('Tên máy').fill('Máy quầy đất đai');
      await staff.getByLabel('Đơn vị / quầy').selectOption({ label: 'Quầy số 2 - Đất đai' });
      await staff.getByLabel('Cán bộ tại quầy (không bắt buộc)').selectOption({ label: 'Lý Văn Tài' });
      await staff.getByRole('button', { name: 'Đăng ký máy' }).click();
      await staff.getByRole('heading', { name: 'Mã đăng ký cho máy “Máy quầy đất đai”' }).waitFor();
      const code = (await staff.locator('.enrolment__code').textContent())!;

      await kiosk.goto(`${server.url}/kiosk#enrol=${code}`);
      await kiosk.getByRole('heading', { level: 1, name: WELCOME_VI }).waitFor();
      await kiosk.getByRole('button', { name: 'Rất hài lòng', exact: true }).click();
      await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await kiosk.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();

      const db = openDatabase(config);
      try {
        await expect.poll(async () => db.db.selectFrom('responses').select(['unit_code', 'official_code', 'channel']).execute(), { timeout: 15_000 })
          .toEqual([{ unit_code: 'TTHCC-Q2', official_code: 'CB-002', channel: 'kiosk' }]);
      } finally {
        await db.close();
      }

      // The first answer in the scores of the new office.
      await staff.getByRole('link', { name: 'Chỉ số hài lòng' }).click();
      await staff.getByRole('heading', { level: 1, name: 'Chỉ số hài lòng về sự phục vụ hành chính' }).waitFor();
      await staff.getByLabel('Phiếu khảo sát', { exact: true }).selectOption({ label: 'Đánh giá nhanh việc giải quyết hồ sơ' });
      await staff.getByRole('button', { name: 'Xem kết quả' }).click();
      await staff.locator('#scores-overall ~ p', { hasText: '1 phiếu' }).waitFor();
    } finally {
      await staff.context().close();
      await kiosk.context().close();
      server.child.kill('SIGTERM');
      await server.exited;
      await dropConfig(config);
    }
  });

  describe('the "Tổ chức" tab', () => {
    let server: TestServer;
    let page: Page;
    beforeAll(async () => {
      server = await startTestServer('sqlite');
      page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
      await signInOnStaffPage(page, server, 'root', 'admin');
      await page.getByRole('link', { name: 'Tổ chức' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cơ cấu tổ chức' }).waitFor();
    });
    afterAll(async () => {
      await page.context().close();
      await server.close();
    });
    const db = () => server.database.handle.db;
    const unit = (code: string) => db().selectFrom('units').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    const status = () => page.locator('.org-tab > section').first().getByRole('status');

    it('shows the tree, renames with the keyboard only, and moves a unit from a date', async () => {
      expect(await page.locator('li[data-unit="MC-Q1"] > .org-tree__row .org-tree__name').textContent()).toBe('Quầy số 1 - Đầu tư, Xây dựng');
      expect(await page.locator('li[data-unit="MC"] li[data-unit="MC-Q1"]').count()).toBe(1); // nested under its parent
      expect(await axeViolations(page)).toEqual([]);

      // Keyboard only: the edit button, the form takes focus, type, Enter saves.
      await page.getByRole('button', { name: 'Sửa đơn vị Trung tâm Quản lý cửa khẩu' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Sửa đơn vị “Trung tâm Quản lý cửa khẩu”');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('nameVi');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('Trung tâm Quản lý cửa khẩu Hữu Nghị');
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await status().getByText('Đã lưu “Trung tâm Quản lý cửa khẩu Hữu Nghị”.').waitFor();
      expect((await unit('TTCK')).name_vi).toBe('Trung tâm Quản lý cửa khẩu Hữu Nghị');

      // A move: under another parent, from a date chosen in the "Áp dụng từ ngày" field (today by default).
      await page.getByRole('button', { name: 'Chuyển đơn vị Trung tâm Quản lý cửa khẩu Hữu Nghị' }).click();
      const date = page.getByLabel('Áp dụng từ ngày');
      expect(await date.inputValue()).toBe(vietnamDate(new Date()));
      await page.getByLabel('Chuyển về đơn vị cấp trên').selectOption('QLDT');
      await date.fill('2026-01-01');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await status().getByText('Đã chuyển “Trung tâm Quản lý cửa khẩu Hữu Nghị”.').waitFor();
      expect((await unit('TTCK')).parent_code).toBe('QLDT');
      const audit = await db().selectFrom('audit_log').select('details').where('target', '=', 'staff page: units TTCK').orderBy('at', 'desc').executeTakeFirstOrThrow();
      expect(JSON.parse(audit.details)).toMatchObject({ effectiveFrom: '2026-01-01', items: [{ code: 'TTCK', fields: ['parent'] }] });
      expect(await page.locator('li[data-unit="QLDT"] li[data-unit="TTCK"]').count()).toBe(1);
      // Dated, so the figures before 1 January still roll up under its old parent.
      expect(await db().selectFrom('unit_changes').select(['unit_code', 'kind', 'from_parent', 'to_parent', 'effective_from']).execute()).toEqual([
        { unit_code: 'TTCK', kind: 'move', from_parent: 'BQL', to_parent: 'QLDT', effective_from: '2026-01-01' },
      ]);
    });

    it('explains a refused change in Vietnamese and in English, and retires and brings back an official', async () => {
      await page.getByRole('button', { name: 'Ngừng hoạt động đơn vị Bộ phận Một cửa' }).click();
      await page.getByRole('button', { name: 'Xác nhận ngừng' }).click();
      const alert = page.locator('li[data-unit="MC"] > [role="alert"]');
      await alert.getByText('“MC-Q1” (đơn vị) vẫn hoạt động nhưng đơn vị “MC” phía trên đã ngừng hoạt động.', { exact: false }).waitFor();
      expect((await unit('MC')).active).toBe(1);
      await page.getByRole('button', { name: 'English', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
      await alert.getByText('“MC-Q1” (unit) is in service but the unit “MC” above it is retired.', { exact: false }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Tiếng Việt' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cơ cấu tổ chức' }).waitFor();

      // Officials: find, retire, bring back.
      await page.getByLabel('Tìm cán bộ (mã, họ tên, đơn vị)').fill('trieu mai');
      await page.getByText('Tìm thấy 1 trên 10.').waitFor();
      await page.getByRole('button', { name: 'Ngừng hoạt động cán bộ Triệu Thị Mai' }).click();
      await page.getByRole('button', { name: 'Xác nhận ngừng' }).click();
      await status().getByText('“Triệu Thị Mai” đã ngừng hoạt động.').waitFor();
      expect((await db().selectFrom('officials').select('active').where('code', '=', 'CB-08').executeTakeFirstOrThrow()).active).toBe(0);
      await page.getByRole('button', { name: 'Hoạt động lại cán bộ Triệu Thị Mai' }).click();
      await status().getByText('“Triệu Thị Mai” đã hoạt động trở lại.').waitFor();

      // A new official at a counter; a procedure moved to another unit.
      await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
      await page.getByLabel('Mã cán bộ').fill('CB-11');
      await page.getByLabel('Họ và tên').fill('Mã Thị Duyên');
      await page.getByLabel('Nơi làm việc (đơn vị / quầy)').selectOption('MC-Q2');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await status().getByText('Đã thêm “Mã Thị Duyên”.').waitFor();
      expect((await db().selectFrom('officials').select('unit_code').where('code', '=', 'CB-11').executeTakeFirstOrThrow()).unit_code).toBe('MC-Q2');
      await page.getByLabel('Tìm thủ tục (mã, tên, lĩnh vực)').fill('khai sinh');
      await page.getByRole('button', { name: 'Sửa thủ tục Đăng ký khai sinh' }).click();
      await page.getByLabel('Đơn vị giải quyết').selectOption('XDD-Q1');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await status().getByText('Đã lưu “Đăng ký khai sinh”.').waitFor();
      expect((await db().selectFrom('procedures').select('unit_code').where('code', '=', 'HT-01').executeTakeFirstOrThrow()).unit_code).toBe('XDD-Q1');
    });

    it('lists every problem of a refused workbook with its sheet and line, and refuses a preview the organisation has outgrown', async () => {
      const bad = join(files, 'don-vi.csv');
      writeFileSync(bad, 'Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên\nKH,Phòng Kế hoạch,phong,BQL\nKT,Phòng Kinh tế,department,KHONG-CO\n');
      const file = page.getByLabel('Tệp Excel (.xlsx) hoặc CSV');
      await file.setInputFiles(bad);
      await page.getByRole('button', { name: 'Xem trước' }).click();
      const problems = page.locator('#org-workbook-heading ~ [role="alert"] li');
      await expect.poll(() => problems.allTextContents()).toEqual([
        'Trang “Đơn vị”, dòng 2: Loại đơn vị “phong” không có; hãy chọn agency, office, department, centre hoặc counter.',
        'Trang “Đơn vị”, dòng 3: Đơn vị cấp trên “KHONG-CO” không có trong tệp hay trong hệ thống.',
      ]);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'English', exact: true }).click();
      await expect.poll(() => problems.allTextContents()).toEqual([
        'Sheet “Đơn vị”, line 2: There is no kind of unit “phong”; choose agency, office, department, centre or counter.',
        'Sheet “Đơn vị”, line 3: The parent unit “KHONG-CO” is neither in the file nor stored.',
      ]);
      await page.getByRole('button', { name: 'Tiếng Việt' }).click();

      // A good file previewed; meanwhile someone else adds the same unit elsewhere: "Áp dụng" is refused.
      const good = join(files, 'don-vi-2.csv');
      writeFileSync(good, 'Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên\nKH,Phòng Kế hoạch,department,BQL\nVP,Văn phòng Ban,office,BQL\n');
      await file.setInputFiles(good);
      await page.getByRole('button', { name: 'Xem trước' }).click();
      await page.getByText('Sửa đơn vị VP (Văn phòng Ban) (tên) — dòng 3').waitFor();
      expect(await page.locator('[data-counts]').textContent()).toBe('Sẽ thêm 1, sửa 1, ngừng hoạt động 0.');
      await page.getByText('Thêm đơn vị KH (Phòng Kế hoạch) — dòng 2').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      const other = await signIn(server, 'other', 'admin');
      const meanwhile = { code: 'KH', nameVi: 'Phòng Kế hoạch', kind: 'department', parent: 'TTCK' };
      expect((await server.call('POST', '/api/staff/organisation/units', meanwhile, other.headers)).status).toBe(201);
      await page.getByRole('button', { name: 'Áp dụng' }).click();
      await page.getByText('Cơ cấu tổ chức vừa được thay đổi sau khi anh/chị xem trước. Hãy bấm “Xem trước” lại.', { exact: false }).waitFor();
      expect((await unit('VP')).name_vi).toBe('Văn phòng');

      // Previewed again (KH is now moved rather than added), applied.
      await page.getByRole('button', { name: 'Xem trước' }).click();
      await page.getByText('Sửa đơn vị KH (Phòng Kế hoạch) (đơn vị cấp trên) — dòng 2').waitFor();
      await page.getByRole('button', { name: 'Áp dụng' }).click();
      await page.getByText('Đã áp dụng: thêm 0, sửa 2, ngừng hoạt động 0.').waitFor();
      expect((await unit('KH')).parent_code).toBe('BQL');
      expect((await unit('VP')).name_vi).toBe('Văn phòng Ban');
      await page.locator('li[data-unit="KH"]').waitFor();

      // The organisation as it now is, in the template's layout.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải cơ cấu hiện tại (Excel)' }).click()]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['Đơn vị', 'Thủ tục', 'Cán bộ']);
      expect(book.getWorksheet('Đơn vị')!.getColumn(1).values).toContain('KH');
    });
    it('merges one counter into another from a date, for admins', async () => {
      const panel = page.locator('section[aria-labelledby="org-merge"]');
      await panel.getByRole('heading', { name: 'Sáp nhập đơn vị' }).waitFor();
      await panel.getByRole('button', { name: 'Sáp nhập' }).click();
      await panel.getByText('Hãy chọn đơn vị sáp nhập và đơn vị tiếp nhận.').waitFor();
      await panel.getByRole('checkbox', { name: /\(XDD-Q1\)$/ }).check();
      await panel.getByLabel('Sáp nhập vào đơn vị').selectOption('XDD-Q2');
      await panel.getByLabel('Sáp nhập từ ngày').fill('2026-04-01');
      expect(await axeViolations(page)).toEqual([]);
      await panel.getByRole('button', { name: 'Sáp nhập' }).click();
      await status().getByText('Đã sáp nhập XDD-Q1 vào XDD-Q2 từ ngày 2026-04-01.').waitFor();
      expect(await unit('XDD-Q1')).toMatchObject({ parent_code: 'XDD-Q2', active: 0 });
      // Merged once, it is no longer offered.
      await expect.poll(() => panel.getByRole('checkbox', { name: /\(XDD-Q1\)$/ }).count()).toBe(0);
    });
  });
});

import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dateRange, defaultFilter, openingPeriod, vietnamToday } from '../../kiosk/src/staff/scores/dashboard-filter';
import { seedDemoResponses } from '../../server/seed/demo-responses';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { clickStill } from '../helpers/click-still';
import { storeResponse } from '../helpers/store-responses';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { startTestServer, type TestServer } from '../helpers/test-server';

const vi = (n: number) => `${n.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;

describe('the scores dashboard in Chromium', () => {
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
    await seedDemoResponses(server.database.handle.db, server.database.surveys, 1500, new Date('2026-11-20T03:00:00Z'), 42);
    for (const [day, seats] of [['02', 5], ['03', 4], ['16', 2]] as const) {
      await storeResponse(server, { unit: 'MC-Q1', official: 'CB-01', submittedAt: `2026-03-${day}T03:00:00Z`, answers: { access_seats: seats, off_polite: 4, suggestion: `Góp ý ngày ${day}/03` } });
    }
    manager = await signIn(server, 'hoa', 'manager', 'MC');
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  });
  afterEach(async () => {
    await page.close();
    await server.close();
  });

  const MARCH_Q1 = 'survey=sipas-2017&from=2026-03-01&to=2026-03-31&unit=MC-Q1';

  it('lets a manager filter to one unit and one month, see the bars, and download an XLSX with the same figures', async () => {
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('hoa');
    await page.getByLabel('Mật khẩu').fill('hoa-password-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chỉ số hài lòng về sự phục vụ hành chính' }).waitFor();

    // It opens on the current quarter when that has 30 answers, on the last 12 months otherwise.
    const quarter = dateRange({ ...defaultFilter(vietnamToday(), 'sipas-2017', ''), period: 'quarter' });
    const inQuarter = (await server.call('GET', `/api/scores?survey=sipas-2017&from=${quarter.from}&to=${quarter.to}&service=0`, undefined, manager.headers)).body.responses;
    await expect.poll(() => page.getByLabel('Kỳ báo cáo').inputValue()).toBe(openingPeriod(inQuarter));
    await page.getByLabel('Đơn vị', { exact: true }).selectOption('MC-Q1');
    await page.getByLabel('Kỳ báo cáo').selectOption('month');
    await page.getByLabel('Tháng', { exact: true }).fill('2026-03');
    await page.getByRole('button', { name: 'Xem kết quả' }).click();

    const api = (await server.call('GET', `/api/scores?${MARCH_Q1}&by=unit,procedure,official`, undefined, manager.headers)).body;
    expect(api.responses).toBeGreaterThan(3);
    await expect.poll(() => page.locator('[data-figure="overall"]').textContent()).toBe(vi(api.overall.index));
    // The panels are drawn in stages: count them once the last stage is on the page.
    await page.locator('.scores__results[aria-busy="false"]').waitFor();
    const elementBars = page.locator('#scores-elements ~ ul .index-bar');
    expect(await elementBars.count()).toBe(5);
    for (const e of api.elements) {
      const bar = page.locator(`#scores-elements ~ ul [data-figure="${e.id}"]`);
      expect(await bar.locator('.index-bar__index').textContent()).toBe(vi(e.index));
      expect(await bar.textContent()).toContain(`n = ${e.n}`);
      expect(await bar.locator('svg rect.index-bar__fill').getAttribute('width')).toBe(String(e.index));
      expect(await bar.locator('svg line.index-bar__target').getAttribute('x1')).toBe('90');
    }
    expect(await page.locator('#scores-criteria ~ div .index-bar').count()).toBe(22);
    expect(await page.getByRole('heading', { name: 'Theo công chức' }).count()).toBe(1);
    expect(await page.getByText('Góp ý ngày 16/03').count()).toBe(1);
    // Beside the indices: dossiers and feedback with the Decision 766 indicators (none in this fixture).
    await page.getByRole('heading', { name: 'Hồ sơ và góp ý, phản ánh (Quyết định 766/QĐ-TTg)' }).waitFor();
    expect(await page.locator('[data-figures="dossiers"] td').first().textContent()).toBe('0');
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), clickStill(page.getByRole('link', { name: 'Tải tệp Excel (XLSX)' }))]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Chỉ số', 'Theo đơn vị', 'Theo thủ tục', 'Theo công chức', 'Theo tháng', 'Hồ sơ, góp ý (QĐ 766)', 'Chủ đề', 'Phiếu khảo sát']);
    const sheet = book.getWorksheet('Chỉ số')!;
    // The index table first (the comparison table below it repeats some codes): first row per code wins.
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => {
      const code = String(row.getCell(3).value);
      if (!rows.has(code)) rows.set(code, row);
    });
    const header = rows.get('Mã')!.values as unknown[];
    const cell = (code: string, column: string) => rows.get(code)!.getCell(header.indexOf(column)).value ?? null;
    // Percentages are stored as fractions in percent-formatted cells.
    const percent = (v: unknown) => (v === null ? null : Math.round((v as number) * 1_000_000) / 10_000);
    expect(percent(cell('overall', 'Tỷ lệ hài lòng (%)'))).toBe(api.overall.index);
    for (const figure of [...api.elements, ...api.criteria]) {
      expect([percent(cell(figure.id, 'Tỷ lệ hài lòng (%)')), cell(figure.id, 'Số ý kiến hợp lệ'), cell(figure.id, 'Điểm trung bình'), percent(cell(figure.id, 'KTC 95% – cận dưới (%)'))], figure.id).toEqual([
        figure.index, figure.n, figure.mean, figure.ci95?.[0] ?? null,
      ]);
    }
    const raw = book.getWorksheet('Phiếu khảo sát')!;
    let codes = 0;
    raw.eachRow((row, number) => {
      if (!codes && row.getCell(1).value === 'id') codes = number; // the second header row holds the codes
    });
    expect(raw.rowCount - codes).toBe(api.responses);

    // Another filter marks the results busy in the very render that applies it: the load starts a
    // frame later, and until it ends the figures on the page are still the last filter's.
    await page.getByLabel('Đơn vị', { exact: true }).selectOption('MC-Q2');
    const busyAtOnce = await page.evaluate(async () => {
      const show = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Xem kết quả')!;
      show.click();
      // Preact renders in a microtask; effects and the load wait for the next frame.
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return [document.querySelector('.scores__results')?.getAttribute('aria-busy'), document.querySelector('.scores > p.hint[role="status"]')?.textContent];
    });
    expect(busyAtOnce).toEqual(['true', 'Đang tải…']);
    await page.locator('.scores__results[aria-busy="false"]').waitFor();
  });

  it('reads in English, keeps other units out of reach, and opens an accessible printable report', async () => {
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('hoa');
    await page.getByLabel('Mật khẩu').fill('hoa-password-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chỉ số hài lòng về sự phục vụ hành chính' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Satisfaction with administrative services' }).waitFor();
    const units = await page.getByLabel('Unit', { exact: true }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(units).toEqual(['MC', 'MC-Q1', 'MC-Q2']);
    await page.getByLabel('Period', { exact: true }).selectOption('year');
    await page.getByLabel('Year', { exact: true }).selectOption('2026');
    await page.getByRole('button', { name: 'Show results' }).click();
    await page.getByRole('heading', { name: 'By unit' }).waitFor();
    await expect.poll(() => page.locator('[data-row="MC-Q2"]').count()).toBe(1);
    await page.locator('.scores__results[aria-busy="false"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const [report] = await Promise.all([page.waitForEvent('popup'), clickStill(page.getByRole('link', { name: 'Open the printable report (A4)' }))]);
    await report.getByRole('heading', { level: 1, name: 'Report on measured satisfaction' }).waitFor();
    expect(await report.locator('svg.chart').count()).toBe(2);
    expect(await report.getByRole('button', { name: 'Print / Save as PDF' }).count()).toBe(1);
    expect(await axeViolations(report)).toEqual([]);
    await report.close();
  });
  it('says which structure a period used when a counter was merged after it', async () => {
    const admin = await signIn(server, 'root', 'admin');
    const merged = await server.call('POST', '/api/staff/organisation/merges', { units: ['XDD-Q1'], into: 'XDD-Q2', effectiveFrom: '2026-06-01' }, admin.headers);
    expect(merged.status).toBe(201);
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('root');
    await page.getByLabel('Mật khẩu').fill('root-password-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chỉ số hài lòng về sự phục vụ hành chính' }).waitFor();
    await page.getByLabel('Đơn vị', { exact: true }).selectOption('XDD-Q2');
    await page.getByLabel('Kỳ báo cáo').selectOption('month');
    await page.getByLabel('Tháng', { exact: true }).fill('2026-05');
    await page.getByRole('button', { name: 'Xem kết quả' }).click();

    const note = page.locator('section.structure-note');
    await note.getByRole('heading', { name: 'Cơ cấu tổ chức đã thay đổi' }).waitFor();
    expect(await note.textContent()).toContain('Kỳ này được tính theo cơ cấu trước các thay đổi sau:');
    expect(await note.locator('li').textContent()).toMatch(/^Từ ngày 01\/06\/2026: .*\(XDD-Q1\) sáp nhập vào .*\(XDD-Q2\)\.$/);
    await page.locator('.scores__results[aria-busy="false"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
  it('shows a Decision 1001 questionnaire by its contents, assessments and ranked expectations', async () => {
    const person = (i: number) => ({ svc_off_polite: i < 3 ? 5 : 2, pol_acc_explain: 4, as_paid_outside: i === 0 ? 'yes' : 'no', exp_online: 'very_much', exp_fees: i < 2 ? 'much' : 'little' });
    for (let i = 0; i < 4; i++) await storeResponse(server, { surveyId: 'sipas-2023', unit: 'MC-Q1', channel: 'paper', submittedAt: `2026-03-1${i}T03:00:00Z`, answers: person(i) });
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('hoa');
    await page.getByLabel('Mật khẩu').fill('hoa-password-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chỉ số hài lòng về sự phục vụ hành chính' }).waitFor();
    await page.getByLabel('Phiếu khảo sát').selectOption('sipas-2023');
    await page.getByLabel('Kỳ báo cáo').selectOption('month');
    await page.getByLabel('Tháng', { exact: true }).fill('2026-03');
    await page.getByRole('button', { name: 'Xem kết quả' }).click();

    // Policy: 4 of 4 satisfied; services: officials 3 of 4 → 75 %; overall the mean of the two.
    await page.getByRole('heading', { name: 'Mức độ hài lòng theo nội dung' }).waitFor();
    expect(await page.locator('[data-figure="group-policy"] .index-bar__index').textContent()).toBe(vi(100));
    expect(await page.locator('[data-figure="group-services"] .index-bar__index').textContent()).toBe(vi(75));
    await expect.poll(() => page.locator('[data-figure="overall"]').textContent()).toBe(vi(87.5));
    const paid = page.locator('[data-assessment="as_paid_outside"]');
    expect(await paid.locator('tbody tr').first().textContent()).toContain('1');
    expect(await paid.locator('tbody tr').first().textContent()).toContain(vi(25));
    const ranking = page.locator('#scores-expectations ~ table tbody tr');
    expect(await ranking.nth(0).getAttribute('data-expectation')).toBe('exp_online');
    expect(await ranking.nth(1).getAttribute('data-expectation')).toBe('exp_fees');
    await page.locator('.scores__results[aria-busy="false"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('marks on the trend the month a new version was published and names the criterion it added', async () => {
    // v2 of sipas-2023 adds one criterion; a kept criterion keeps one trend across both versions.
    const admin = await signIn(server, 'root', 'admin');
    const as = (method: string, path: string, body?: unknown) => server.call(method, path, body, admin.headers);
    const draft = (await as('POST', '/api/staff/surveys/sipas-2023/draft', { fromVersion: 1 })).body;
    const officials = draft.definition.elements.find((e: { id: string }) => e.id === 'officials');
    officials.criteria.push({ id: 'svc_off_name_tag', text: { vi: 'Công chức đeo thẻ tên khi làm việc', en: 'Officials wear a name tag at work' }, scale: officials.criteria[0].scale, required: false });
    const saved = await as('PUT', '/api/staff/surveys/sipas-2023/draft', { definition: draft.definition, updatedAt: draft.updatedAt });
    expect(saved.status).toBe(200);
    expect((await as('POST', '/api/staff/surveys/sipas-2023/draft/publish', { updatedAt: saved.body.updatedAt })).status).toBe(201);
    for (let i = 0; i < 5; i++) {
      await storeResponse(server, { surveyId: 'sipas-2023', surveyVersion: 1, unit: 'MC-Q1', channel: 'paper', submittedAt: `2026-10-1${i}T03:00:00Z`, answers: { svc_off_polite: 5 } });
      await storeResponse(server, { surveyId: 'sipas-2023', surveyVersion: 2, unit: 'MC-Q1', channel: 'paper', submittedAt: `2026-11-1${i}T03:00:00Z`, answers: { svc_off_polite: 4, svc_off_name_tag: i < 4 ? 5 : 1 } });
    }

    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('hoa');
    await page.getByLabel('Mật khẩu').fill('hoa-password-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chỉ số hài lòng về sự phục vụ hành chính' }).waitFor();
    await page.getByLabel('Phiếu khảo sát').selectOption('sipas-2023');
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    await page.locator('.scores__results[aria-busy="false"]').waitFor();
    const trend = page.locator('section[aria-labelledby="scores-trend"]');
    expect(await trend.locator('th[data-version-change]').getAttribute('data-version-change')).toBe('2');
    expect(await trend.locator('th[data-version-change]').textContent()).toBe('11/2026Phiên bản 2');
    expect(await trend.locator('li[data-version="2"]').textContent()).toBe('Từ 20/11/2026: phiên bản 2. Thêm tiêu chí: Công chức đeo thẻ tên khi làm việc (svc_off_name_tag). ');
    expect(await trend.locator('svg line.trend__version').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});

// Issue 12 end to end, in Chromium: an admin copies SIPAS 2023 v1 on the Bộ câu hỏi tab, adds a
// criterion and publishes v2; a counter's kiosk set to the services part asks v2 with the new
// criterion; the dashboard's trend then runs from the v1 answers of last month to the v2 answer
// of this month, marks where the version changed and names the criterion it added.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vietnamToday } from '../../kiosk/src/staff/scores/dashboard-filter';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { registerTestDevice } from '../helpers/kiosk-device';
import { signInOnStaffPage, WELCOME_VI } from '../helpers/kiosk-page';
import { storeResponse } from '../helpers/store-responses';
import { startTestServer, type TestServer } from '../helpers/test-server';

const NEW_VI = 'Nơi chờ có nước uống miễn phí';
const NEW_EN = 'Free drinking water where people wait';

/** The 15th of the month before `today` (YYYY-MM-DD), and that month as the trend names it. */
function lastMonth(today: string): { day: string; label: string } {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  const mm = String(pm).padStart(2, '0');
  return { day: `${py}-${mm}-15`, label: `${mm}/${py}` };
}

describe('a new questionnaire version from the editor to the kiosk to the trend, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let staff: Page;
  let kiosk: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    server = await startTestServer();
    staff = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    kiosk = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  });
  afterEach(async () => {
    await staff.context().close();
    await kiosk.context().close();
    await server.close();
  });
  const db = () => server.database.handle.db;

  it('copies sipas-2023, adds a criterion, publishes v2, answers it on a kiosk and shows the v1→v2 trend', async () => {
    const today = vietnamToday();
    const before = lastMonth(today);
    for (let i = 0; i < 5; i++) {
      await storeResponse(server, { surveyId: 'sipas-2023', surveyVersion: 1, unit: 'MC-Q1', channel: 'paper', submittedAt: `${before.day}T0${i}:00:00Z`, answers: { svc_off_polite: 4 } });
    }

    // The admin copies v1, adds the criterion in both languages, saves and publishes v2.
    await signInOnStaffPage(staff, server, 'quan', 'admin');
    await staff.getByRole('link', { name: 'Bộ câu hỏi' }).click();
    await staff.getByRole('region', { name: /SIPAS 2023/ }).getByRole('button', { name: 'Tạo bản nháp từ phiên bản 1' }).click();
    await staff.getByRole('heading', { level: 1, name: /^Bản nháp: .*SIPAS 2023.* \(phiên bản 2\)$/ }).waitFor();
    await staff.locator('summary', { hasText: '«Tiếp cận dịch vụ» · 4 tiêu chí' }).click();
    await staff.getByRole('button', { name: 'Thêm tiêu chí vào «Tiếp cận dịch vụ»' }).click();
    await staff.getByRole('group', { name: 'Tiêu chí 5 «criterion_1»' }).getByLabel('Nội dung tiêu chí 5, Tiếng Việt').fill(NEW_VI);
    await staff.getByRole('group', { name: `Tiêu chí 5 «${NEW_VI}»` }).getByLabel('Nội dung tiêu chí 5, Tiếng Anh').fill(NEW_EN);
    await staff.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await staff.getByRole('status').filter({ hasText: 'Bản nháp hợp lệ và đã lưu' }).waitFor();
    staff.once('dialog', (dialog) => void dialog.accept());
    await staff.getByRole('button', { name: 'Xuất bản phiên bản 2' }).click();
    await staff.getByText('Đã xuất bản phiên bản 2.').waitFor();
    const v2 = await staff.evaluate(() => fetch('/api/staff/surveys/sipas-2023/versions/2').then((r) => r.json()));
    const added = v2.elements.find((e: { id: string }) => e.id === 'access').criteria.find((c: { text: { vi: string } }) => c.text.vi === NEW_VI);
    expect(added).toMatchObject({ id: 'criterion_1', text: { vi: NEW_VI, en: NEW_EN } });

    // The counter's kiosk asks the services part of the questionnaire: now v2, with the criterion.
    const { code } = await registerTestDevice(server, { unit: 'MC-Q1', name: 'Quầy 1', surveyId: 'sipas-2023', surveyParts: ['services'] });
    await kiosk.goto(`${server.url}/kiosk#enrol=${code}`);
    await kiosk.getByRole('heading', { level: 1, name: WELCOME_VI }).waitFor();
    await kiosk.getByRole('button', { name: /Trả lời khảo sát đầy đủ/ }).click();
    await kiosk.getByRole('heading', { level: 1, name: 'Tiếp cận dịch vụ', exact: true }).waitFor();
    await kiosk.getByRole('group', { name: NEW_VI }).getByRole('radio', { name: 'Rất hài lòng' }).check();
    for (let screen = 1; screen < 9; screen++) {
      await kiosk.getByText(`Phần ${screen} trên 9`).waitFor();
      await kiosk.getByRole('button', { name: 'Tiếp tục' }).click();
    }
    await kiosk.getByText('Phần 9 trên 9').waitFor();
    await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await kiosk.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();
    await expect.poll(async () => (await db().selectFrom('responses').select(['survey_version', 'answers']).where('channel', '=', 'kiosk').execute()).length, { timeout: 15_000 }).toBe(1);
    const [answered] = await db().selectFrom('responses').select(['survey_version', 'answers']).where('channel', '=', 'kiosk').execute();
    expect(answered!.survey_version).toBe(2);
    expect(JSON.parse(answered!.answers)).toEqual({ criterion_1: 5 });

    // The dashboard: last month's v1 answers and this month's v2 answer on one trend, the change marked.
    await staff.getByRole('link', { name: 'Chỉ số hài lòng', exact: true }).click();
    await staff.getByRole('heading', { level: 1, name: 'Chỉ số hài lòng về sự phục vụ hành chính' }).waitFor();
    await staff.getByLabel('Phiếu khảo sát').selectOption('sipas-2023');
    await staff.getByRole('button', { name: 'Xem kết quả' }).click();
    await staff.locator('.scores__results[aria-busy="false"]').waitFor();
    const trend = staff.locator('section[aria-labelledby="scores-trend"]');
    const months = await trend.locator('thead th[scope="col"]').allTextContents();
    const responses = await trend.locator('tbody tr').nth(1).locator('td').allTextContents();
    const thisMonth = `${today.slice(5, 7)}/${today.slice(0, 4)}`;
    expect(responses[months.indexOf(before.label) - 1]).toBe('5');
    expect(months).toContain(`${thisMonth}Phiên bản 2`);
    expect(responses[months.indexOf(`${thisMonth}Phiên bản 2`) - 1]).toBe('1');
    expect(await trend.locator('li[data-version="2"]').textContent()).toContain(`Thêm tiêu chí: ${NEW_VI} (criterion_1).`);
    expect(await axeViolations(staff)).toEqual([]);
  });
});

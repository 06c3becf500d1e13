import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { signIn } from '../helpers/staff-session';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('paper forms typed in by staff, and a unit\'s open link, in Chromium', () => {
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
  const db = () => server.database.handle.db;
  const as = async (username: string, role: 'admin' | 'manager', unit?: string) => {
    const who = await signIn(server, username, role, unit);
    await context.addCookies([{ name: 'sipas_session', value: who.headers.cookie!.split('=')[1]!, url: server.url }]);
  };

  it('lets a manager type two counter forms with the number keys alone, each stored and audited', async () => {
    await as('lan', 'manager', 'MC');
    const page = await context.newPage();
    await page.goto(`${server.url}/staff#paper`);
    await page.getByRole('heading', { name: 'Nhập phiếu khảo sát giấy' }).waitFor();
    await page.getByLabel('Phiếu khảo sát', { exact: true }).selectOption('counter-quick');
    await page.getByLabel('Đơn vị thu phiếu').selectOption('MC-Q1');
    await page.getByLabel('Cán bộ giải quyết').selectOption('CB-01');
    await page.getByLabel('Ngày ghi trên phiếu').fill('2026-03-09');
    // The quick rating's own first question, not SIPAS 2017's form shown until it loads.
    const first = page.locator('#paper-overall');
    await first.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Form 1: level 3 (Rất hài lòng), reasons 1 and 2, Enter.
    await first.focus();
    await page.keyboard.press('3');
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await page.getByText('Đã lưu phiếu thứ 1 của lượt nhập này. Mời nhập phiếu tiếp theo.').waitFor();
    // The cursor is back on the first question, the form empty: form 2, level 1, Enter.
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByText('Đã lưu phiếu thứ 2 của lượt nhập này. Mời nhập phiếu tiếp theo.').waitFor();

    const rows = await db().selectFrom('responses').selectAll().orderBy('answers').execute();
    expect(rows.map((r) => [JSON.parse(r.answers), r.channel, r.proof, r.unit_code, r.official_code, r.local_date])).toEqual([
      [{ overall: 1 }, 'paper', 'staff', 'MC-Q1', 'CB-01', '2026-03-09'],
      [{ overall: 3, reasons: ['clear_guidance', 'courteous', 'on_time'].filter((r) => r !== 'clear_guidance') }, 'paper', 'staff', 'MC-Q1', 'CB-01', '2026-03-09'],
    ]);
    const audit = await db().selectFrom('audit_log').select(['actor', 'target']).where('action', '=', 'response.paper').execute();
    expect(audit.map((a) => a.actor)).toEqual(['lan', 'lan']);
    expect(audit.map((a) => a.target).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('shows a refused form\'s problem in Vietnamese and keeps what was typed; another questionnaire starts empty', async () => {
    await as('lan', 'manager', 'MC');
    const page = await context.newPage();
    await page.goto(`${server.url}/staff#paper`);
    // The form first shown is SIPAS 2017's. An answer typed there is not carried over to the
    // quick rating chosen next, and typing waits for the quick rating's own questions.
    const seats = page.locator('#paper-access_seats');
    await seats.focus();
    await page.keyboard.press('2');
    expect(await seats.inputValue()).toBe('2');
    await page.getByLabel('Phiếu khảo sát', { exact: true }).selectOption('counter-quick');
    await page.getByLabel('Ngày ghi trên phiếu').fill('2026-03-09'); // the test server's yesterday
    const reasons = page.locator('#paper-reasons');
    await reasons.waitFor();
    // A reason ticked, but the required quick rating left out.
    await reasons.focus();
    await page.keyboard.press('1');
    expect(await reasons.inputValue()).toBe('1');
    await page.getByRole('button', { name: 'Lưu phiếu (Enter)' }).click();
    await page.getByRole('alert').getByText('Câu 1: chưa trả lời').waitFor();
    expect(await page.getByRole('alert').locator('li').allTextContents()).toEqual(['Câu 1: chưa trả lời']);
    expect(await reasons.inputValue()).toBe('1');
    expect(await db().selectFrom('responses').selectAll().execute()).toEqual([]);

    // Mended, the same form is saved once, with only the quick rating's answers.
    await page.locator('#paper-overall').focus();
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await page.getByText('Đã lưu phiếu thứ 1 của lượt nhập này. Mời nhập phiếu tiếp theo.').waitFor();
    const rows = await db().selectFrom('responses').select(['survey_id', 'answers']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.survey_id).toBe('counter-quick');
    expect(Object.keys(JSON.parse(rows[0]!.answers)).sort()).toEqual(['overall', 'reasons']);
  });

  it('lets an admin open a unit\'s link, and a citizen rate the unit there, counted apart', async () => {
    await as('root', 'admin');
    const staff = await context.newPage();
    await staff.goto(`${server.url}/staff#open-links`);
    await staff.getByRole('heading', { name: 'Khảo sát qua đường dẫn mở' }).waitFor();
    expect(await axeViolations(staff)).toEqual([]);
    await staff.getByRole('button', { name: 'Mở đường dẫn của Quầy số 1 - Đầu tư, Xây dựng' }).click();
    await staff.getByRole('link', { name: 'http://sipas.test/danh-gia/MC-Q1' }).waitFor();

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const citizen = await phone.newPage();
      await citizen.goto(`${server.url}/danh-gia/MC-Q1`);
      await citizen.getByRole('heading', { name: 'Mời Ông/Bà đánh giá việc giải quyết hồ sơ' }).waitFor();
      await citizen.getByText('Quầy số 1 - Đầu tư, Xây dựng').waitFor();
      expect(await axeViolations(citizen)).toEqual([]);
      await citizen.getByRole('radio', { name: /Hài lòng/ }).first().click();
      await citizen.getByRole('button', { name: /Gửi/ }).first().click();
      await citizen.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
      const [row] = await db().selectFrom('responses').selectAll().execute();
      expect(row).toMatchObject({ channel: 'web', proof: 'open', unit_code: 'MC-Q1', official_code: '' });

      const closed = await phone.newPage();
      await closed.goto(`${server.url}/danh-gia/MC-Q2`);
      await closed.getByRole('heading', { name: 'Đường dẫn khảo sát chưa mở' }).waitFor();
    } finally {
      await phone.close();
    }
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { pageScripts } from '../helpers/page-scripts';
import { scanQr } from '../helpers/qr-decode';
import { signIn } from '../helpers/staff-session';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { answerCountRows } from '../helpers/answer-count-rows';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe('the phone page of a QR invitation, in Chromium at 360 px', () => {
  let browser: Browser;
  let server: TestServer;
  let phone: BrowserContext;
  let headers: Record<string, string>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    server = await startTestServer('sqlite', { now: new Date('2026-03-10T03:00:00Z') });
    headers = (await apiKeyHeaders(server, ['BQL'])).headers;
    phone = await browser.newContext(PHONE);
  });
  afterEach(async () => {
    await phone.close();
    await server.close();
  });

  const invite = async (o: Record<string, unknown> = {}) => (await server.call('POST', '/api/invitations', invitationRequest(o), headers)).body;
  const db = () => server.database.handle.db;
  const heading = (page: Page) => page.getByRole('heading', { level: 1 });
  /** The phone opens the path of a QR address on the test server (the slip names the public URL). */
  const open = async (url: string) => {
    const page = await phone.newPage();
    await page.goto(`${server.url}${new URL(url).pathname}`);
    return page;
  };

  it('reads the QR code off a printed slip, rates on the phone, and the response counts with the procedure and official', async () => {
    const invitation = await invite({ unit: 'MC-Q1', procedure: 'DT-02', official: 'CB-02', dueAt: '2026-03-12' });
    // At the counter: the slip page, signed in as staff.
    const manager = await signIn(server, 'quanly', 'manager', 'MC');
    const counter = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    await counter.addCookies([{ name: 'sipas_session', value: manager.headers.cookie!.split('=')[1]!, url: server.url }]);
    const slip = await counter.newPage();
    await slip.goto(`${server.url}/slips/${invitation.id}`);
    const scanned = await scanQr(browser, slip.locator('.slip__qr svg'));
    await counter.close();
    expect(scanned).toBe(invitation.url);
    expect(new URL(scanned!).origin).toBe('http://sipas.test'); // PUBLIC_URL of the test app

    // On the citizen's own phone.
    const scripts: number[] = [];
    const page = await phone.newPage();
    page.on('requestfinished', async (request) => {
      if (request.resourceType() === 'script') scripts.push((await request.sizes()).responseBodySize);
    });
    await page.goto(`${server.url}${new URL(scanned!).pathname}`);
    await expect.poll(() => heading(page).textContent()).toBe('Mời Ông/Bà đánh giá việc giải quyết hồ sơ');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    // JS budget before the first question: script files and the page's inline script, gzip'd.
    expect(scripts.reduce((a, b) => a + b, 0) + (await pageScripts(page)).inline.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30 * 1024);
    const about = await page.locator('.about').textContent();
    expect(about).toContain('Điều chỉnh Giấy chứng nhận đăng ký đầu tư');
    expect(about).toContain('Quầy số 1 - Đầu tư, Xây dựng');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const tile of await page.locator('.tile').all()) expect((await tile.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'Không hài lòng' }).click(); // the screen moves on at once
    await page.getByRole('checkbox', { name: 'Hướng dẫn chưa rõ ràng' }).check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Then the full SIPAS: one screen per element, then the other questions.
    await page.getByRole('button', { name: /Trả lời khảo sát đầy đủ/ }).click();
    await page.getByRole('heading', { name: 'Tiếp cận dịch vụ' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    for (let step = 1; step <= 8; step++) {
      await page.getByText(`Phần ${step} trên 8`).waitFor();
      const first = page.locator('fieldset.rating').first();
      if (await first.count()) await first.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
      if (step < 8) await page.getByRole('button', { name: 'Tiếp tục' }).click();
    }
    await page.getByRole('textbox').fill('Cán bộ hướng dẫn nhiệt tình.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();

    const rows = await db().selectFrom('responses').selectAll().orderBy('survey_id').execute();
    expect(rows.map((r) => [r.survey_id, r.channel, r.unit_code, r.procedure_code, r.official_code])).toEqual([
      ['counter-quick', 'qr', 'MC-Q1', 'DT-02', 'CB-02'],
      ['sipas-2017', 'qr', 'MC-Q1', 'DT-02', 'CB-02'],
    ]);
    expect(JSON.parse(rows[0]!.answers)).toEqual({ overall: 1, reasons: ['unclear_guidance'] });
    expect(JSON.parse(rows[1]!.answers)).toMatchObject({ access_seats: 4, proc_posted_full: 4, suggestion: 'Cán bộ hướng dẫn nhiệt tình.' });
    // Counted in the aggregates the scores read, under the invitation's procedure and official.
    const counted = (await answerCountRows(db()))
      .filter((r) => r.procedure_code === 'DT-02' && r.official_code === 'CB-02' && r.channel === 'qr' && (r.question_id === '*' || r.question_id === 'overall'))
      .map(({ survey_id, question_id, value, n }) => ({ survey_id, question_id, value, n }));
    expect(counted).toEqual([
      { survey_id: 'counter-quick', question_id: '*', value: '', n: 1 },
      { survey_id: 'counter-quick', question_id: 'overall', value: '1', n: 1 },
      { survey_id: 'sipas-2017', question_id: '*', value: '', n: 1 },
    ]);
    const dossiers = await db().selectFrom('dossier_counts').selectAll().execute();
    expect(dossiers).toEqual([expect.objectContaining({ unit_code: 'MC-Q1', procedure_code: 'DT-02', dossiers: 1, on_time: 1, rated: 1, dissatisfied: 1, dissatisfied_not_late: 1 })]);

    // Opening the slip again: a friendly page, nothing more to answer.
    await page.reload();
    await page.getByRole('heading', { name: 'Hồ sơ này đã được đánh giá' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await phone.cookies()).toEqual([]); // no login, no cookies
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  });

  it('refuses a second rating from another tab with a friendly page', async () => {
    const invitation = await invite();
    const [a, b] = [await open(invitation.url), await open(invitation.url)];
    for (const page of [a, b]) await page.getByRole('radio', { name: 'Hài lòng', exact: true }).waitFor();
    await a.getByRole('radio', { name: 'Rất hài lòng' }).click();
    await a.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await a.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    await b.getByRole('radio', { name: 'Không hài lòng' }).click();
    await b.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await b.getByRole('heading', { name: 'Hồ sơ này đã được đánh giá' }).waitFor();
    const rows = await db().selectFrom('responses').select('answers').execute();
    expect(rows.map((r) => JSON.parse(r.answers).overall)).toEqual([3]);
    // Reopened later, the slip goes straight to the offer of the full questionnaire.
    const later = await open(invitation.url);
    await later.getByRole('heading', { name: 'Ông/Bà đã đánh giá nhanh hồ sơ này' }).waitFor();
  });

  it('shows clear pages for an unknown and an expired link, in Vietnamese and English', async () => {
    const unknown = await open(`http://sipas.test/s/${'A'.repeat(22)}`);
    await unknown.getByRole('heading', { name: 'Không tìm thấy phiếu đánh giá' }).waitFor();
    expect(await axeViolations(unknown)).toEqual([]);
    await unknown.getByRole('button', { name: 'English' }).click();
    await unknown.getByRole('heading', { name: 'Rating link not found' }).waitFor();
    expect(await unknown.getAttribute('html', 'lang')).toBe('en');

    const invitation = await invite();
    server.clock.now = new Date('2026-05-01T00:00:00Z');
    const expired = await open(invitation.url);
    await expired.getByRole('heading', { name: 'Phiếu đánh giá đã hết hạn' }).waitFor();
    expect(await axeViolations(expired)).toEqual([]);
    expect(await db().selectFrom('responses').selectAll().execute()).toHaveLength(0);
  });

  it('takes the short code typed on /s, in any spacing, and leads to the rating', async () => {
    const invitation = await invite({ procedure: 'LD-01', unit: 'MC-Q2', official: 'CB-03' });
    const page = await phone.newPage();
    await page.goto(`${server.url}/s`);
    await page.getByRole('heading', { name: 'Nhập mã trên phiếu' }).waitFor();
    expect(await page.getByLabel('Mã đánh giá (12 chữ số)').getAttribute('inputmode')).toBe('numeric');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Mã đánh giá (12 chữ số)').fill('1234 5678');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText('Mã gồm 12 chữ số. Vui lòng kiểm tra lại.').waitFor();
    await page.getByLabel('Mã đánh giá (12 chữ số)').fill('0000-0000-0001');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText('Không tìm thấy mã này', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Mã đánh giá (12 chữ số)').fill(invitation.shortCode.replace(/ /g, '-'));
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { name: 'Mời Ông/Bà đánh giá việc giải quyết hồ sơ' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/s/${invitation.token}`);
    expect(await page.locator('.about').textContent()).toContain('Quầy số 2');
    await page.getByRole('radio', { name: 'Hài lòng', exact: true }).click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('button', { name: 'Không, cảm ơn' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();
    const [row] = await db().selectFrom('responses').selectAll().execute();
    expect(row).toMatchObject({ survey_id: 'counter-quick', unit_code: 'MC-Q2', procedure_code: 'LD-01', official_code: 'CB-03', channel: 'qr' });
  });

  it('takes a complaint about the dossier just rated, with its unit and procedure, and keeps nothing on the phone', async () => {
    const invitation = await invite({ unit: 'MC-Q2', procedure: 'LD-01', official: 'CB-03' });
    const page = await open(invitation.url);
    await page.getByRole('radio', { name: 'Không hài lòng' }).click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    await page.getByRole('button', { name: 'Gửi góp ý, phản ánh về hồ sơ này' }).click();
    await page.getByRole('heading', { name: 'Góp ý, phản ánh' }).waitFor();
    // The form knows which dossier this is about.
    expect(await page.getByLabel('Đơn vị liên quan').inputValue()).toBe('MC-Q2');
    expect(await page.getByLabel('Thủ tục hành chính (nếu có)').inputValue()).toBe('LD-01');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: /Phản ánh/ }).check();
    await page.getByLabel('Nội dung').fill('Tôi phải đi lại ba lần vì hướng dẫn hồ sơ không rõ.');
    await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await page.getByRole('heading', { name: 'Đã gửi ý kiến của Ông/Bà' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Xong' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();

    const items = await db().selectFrom('feedback_items').selectAll().execute();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ unit_code: 'MC-Q2', procedure_code: 'LD-01', kind: 'report', channel: 'qr' });
    expect(await phone.cookies()).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  });
  it('asks the sipas-2023 harassment follow-up only after a "yes", and sends no answer to it after a "no"', async () => {
    const invitation = await invite({ unit: 'MC-Q1', survey: 'sipas-2023', dueAt: '2026-03-12' });
    const page = await open(invitation.url);
    await expect.poll(() => heading(page).textContent()).toBe('Mời Ông/Bà đánh giá việc giải quyết hồ sơ');
    await page.getByRole('radio', { name: 'Không hài lòng' }).click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('button', { name: /Trả lời khảo sát đầy đủ/ }).click();
    // Nine elements (four of policy, five of services), then the assessments.
    for (let step = 1; step < 10; step++) {
      await page.getByText(`Phần ${step} trên 13`).waitFor();
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
    }
    await page.getByText('Phần 10 trên 13').waitFor();
    const followUp = page.getByRole('group', { name: 'Phiền hà, sách nhiễu theo cách nào?' });
    const harassed = page.getByRole('group', { name: /bị công chức gây phiền hà, sách nhiễu/ });
    expect(await followUp.count()).toBe(0);
    await harassed.getByRole('radio', { name: 'Có', exact: true }).check();
    await followUp.getByRole('checkbox', { name: 'Thái độ hách dịch' }).check();
    expect(await axeViolations(page)).toEqual([]);
    // Said "no" after all: the follow-up goes away, and so does its answer.
    await harassed.getByRole('radio', { name: 'Không', exact: true }).check();
    await expect.poll(() => followUp.count()).toBe(0);
    for (let step = 10; step < 13; step++) await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText('Phần 13 trên 13').waitFor();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();
    const row = await db().selectFrom('responses').select('answers').where('survey_id', '=', 'sipas-2023').executeTakeFirstOrThrow();
    expect(JSON.parse(row.answers)).toEqual({ as_harassed: 'no' });
  });
});

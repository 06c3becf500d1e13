// A manager sets a counter's kiosk to the services part of the 2023 questionnaire on the devices
// tab; the tablet then shows only the service elements, and its answer counts for that part only.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { registerTestDevice } from '../helpers/kiosk-device';
import { signInOnStaffPage, waitForOfflineReady, WELCOME_VI } from '../helpers/kiosk-page';
import { signIn } from '../helpers/staff-session';
import { startTestServer, type TestServer } from '../helpers/test-server';

const SERVICE_TITLES = ['Tiếp cận dịch vụ', 'Thủ tục hành chính', 'Công chức trực tiếp giải quyết', 'Kết quả dịch vụ', 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị'];
const POLICY_TITLES = ['Trách nhiệm giải trình về chính sách', 'Sự tham gia của người dân', 'Chất lượng chính sách', 'Tác động của chính sách'];

describe('a kiosk asking only the services part, in Chromium', () => {
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
  const db = () => server.database.handle.db;

  it('is set on the devices tab, shows the service elements and not the policy ones, and its answer is counted', async () => {
    const { id, code } = await registerTestDevice(server, { unit: 'MC-Q1', name: 'Máy quầy 1' });

    await signInOnStaffPage(staff, server, 'hoa', 'manager', 'MC');
    await staff.getByRole('button', { name: 'Cài đặt máy Máy quầy 1' }).click();
    const form = staff.getByRole('form', { name: 'Cài đặt máy “Máy quầy 1”' });
    await form.getByRole('combobox', { name: 'Bộ câu hỏi', exact: true }).selectOption('sipas-2023');
    // The parts appear once the chosen questionnaire has them, every one ticked.
    const policy = form.getByRole('checkbox', { name: 'Xây dựng và tổ chức thực hiện chính sách' });
    expect(await policy.isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'Cung ứng dịch vụ hành chính công' }).isChecked()).toBe(true);
    await policy.uncheck();
    expect(await axeViolations(staff)).toEqual([]);
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.waitFor({ state: 'detached' });
    const [row] = await db().selectFrom('kiosk_devices').select(['survey_id', 'survey_parts']).where('id', '=', id).execute();
    expect(row).toEqual({ survey_id: 'sipas-2023', survey_parts: '["services"]' });

    await kiosk.goto(`${server.url}/kiosk#enrol=${code}`);
    await kiosk.getByRole('heading', { level: 1, name: WELCOME_VI }).waitFor();
    await kiosk.getByRole('button', { name: /Trả lời khảo sát đầy đủ/ }).click();
    const seen: string[] = [];
    for (const [i, title] of SERVICE_TITLES.entries()) {
      await kiosk.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      seen.push((await kiosk.getByRole('heading', { level: 1 }).textContent())!);
      // Five service elements and the four screens of other questions: nine in all.
      expect(await kiosk.getByText(`Phần ${i + 1} trên 9`).count()).toBe(1);
      const ratings = kiosk.locator('fieldset.rating');
      const n = await ratings.count();
      for (let k = 0; k < n; k++) await ratings.nth(k).getByRole('radio', { name: 'Hài lòng', exact: true }).check();
      await kiosk.getByRole('button', { name: 'Tiếp tục' }).click();
    }
    for (let screen = 6; screen < 9; screen++) {
      await kiosk.getByText(`Phần ${screen} trên 9`).waitFor();
      seen.push((await kiosk.getByRole('heading', { level: 1 }).textContent())!);
      await kiosk.getByRole('button', { name: 'Tiếp tục' }).click();
    }
    await kiosk.getByText('Phần 9 trên 9').waitFor();
    await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await kiosk.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();
    expect(seen.filter((h) => POLICY_TITLES.includes(h))).toEqual([]);

    await expect.poll(async () => (await db().selectFrom('responses').selectAll().execute()).length, { timeout: 15_000 }).toBe(1);
    const [response] = await db().selectFrom('responses').selectAll().execute();
    expect(response).toMatchObject({ survey_id: 'sipas-2023', channel: 'kiosk', unit_code: 'MC-Q1', device_id: id });
    expect(Object.keys(JSON.parse(response!.answers)).every((q) => q.startsWith('svc_'))).toBe(true);

    // Counted for the services part; the policy index has nothing from this kiosk.
    const admin = await signIn(server, 'root', 'admin');
    const scores = await server.call('GET', '/api/scores?survey=sipas-2023&from=2026-01-01&to=2026-12-31&service=0', undefined, admin.headers);
    expect(scores.body.responses).toBe(1);
    const groups = Object.fromEntries(scores.body.groups.map((g: { id: string }) => [g.id, g]));
    expect(groups.services).toMatchObject({ index: 100 });
    expect(groups.policy).toMatchObject({ index: null, n: 0 });

    // Offline, the tablet starts with the questionnaire its setting names, kept by the service worker.
    await waitForOfflineReady(kiosk);
    await kiosk.waitForFunction(async () => !!(await caches.match('/api/surveys/sipas-2023', { cacheName: 'sipas-kiosk-data' })));
    await kiosk.context().setOffline(true);
    await kiosk.reload();
    await kiosk.getByRole('button', { name: /Trả lời khảo sát đầy đủ/ }).click();
    await kiosk.getByRole('heading', { level: 1, name: SERVICE_TITLES[0], exact: true }).waitFor();
    expect(await kiosk.getByText('Phần 1 trên 9').count()).toBe(1);
  });

  it('does not let anyone start a questionnaire before the one the kiosk is assigned has arrived', async () => {
    const { code } = await registerTestDevice(server, { unit: 'MC-Q1', name: 'Máy quầy 2', surveyId: 'sipas-2023' });
    // Without the service worker, so that the page's own requests can be held here.
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      // Enrolment is answered only after what the page asked before it has arrived, as on a slow
      // line: a questionnaire fetched before the tablet knew its own would be in hand by then.
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      const quickAsked = page.waitForRequest((r) => r.url().endsWith('/api/surveys/counter-quick'));
      await page.route('**/api/kiosk/enrol', async (route) => {
        await quickAsked;
        if (requested.includes('/api/surveys/sipas-2017')) await page.locator('main[data-full-version]').waitFor({ state: 'attached' });
        await route.continue();
      });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const asked = new Promise<void>((resolve) => void page.route('**/api/surveys/sipas-2023', async (route) => {
        resolve();
        await held;
        await route.continue();
      }));
      await page.goto(`${server.url}/kiosk#enrol=${code}`);
      await page.getByRole('heading', { level: 1, name: WELCOME_VI }).waitFor();
      await asked;
      const full = page.getByRole('button', { name: /Trả lời khảo sát đầy đủ/ });
      // The 2017 questionnaire every tablet knows is not offered in its place meanwhile.
      expect(await full.isDisabled()).toBe(true);
      release();
      await full.click();
      const progress = page.getByText(/^Phần 1 trên \d+$/);
      await progress.waitFor();
      expect(await progress.textContent()).toBe('Phần 1 trên 13'); // SIPAS 2023's nine elements and four other screens; 2017 has 8
    } finally {
      await context.close();
    }
  });
});

// The "done when": a kiosk enrolled from the staff page keeps every answer through a lost
// network, a reload while offline, a reply lost on the way back, and a server restart.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerDevice } from '../../server/kiosk/kiosk-admin';
import { launchBrowser } from '../helpers/browser';
import { readQrCode, signInOnStaffPage, waitForOfflineReady, WELCOME_VI } from '../helpers/kiosk-page';
import { startRestartableServer, type RestartableServer } from '../helpers/restartable-server';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('the kiosk offline, in Chromium', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    for (const close of closers.splice(0)) await close();
  });
  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    contexts.push(context);
    return { context, page: await context.newPage() };
  };

  /** Taps a face, optionally a reason, sends, and hands the kiosk to the next person. */
  const rateQuickly = async (page: Page, face: string, reason?: string) => {
    await page.getByRole('button', { name: face, exact: true }).click();
    if (reason) await page.getByRole('checkbox', { name: reason }).check();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('button', { name: 'Xong' }).click();
    await page.getByRole('heading', { level: 1, name: WELCOME_VI }).waitFor();
  };
  const queuedIds = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('sipas-kiosk');
          open.onsuccess = () => {
            const all = open.result.transaction('outbox').objectStore('outbox').getAllKeys();
            all.onsuccess = () => resolve((all.result as string[]).sort());
            all.onerror = () => reject(all.error);
          };
        }),
    );

  it('enrols from the staff page QR, then keeps every answer exactly once through offline, reload and a lost reply', async () => {
    const server: TestServer = await startTestServer();
    closers.push(() => server.close());
    const rows = () => server.database.handle.db.selectFrom('responses').selectAll().orderBy('submitted_at').execute();

    // A manager registers the tablet for counter 2 and its official.
    const { page: staff } = await newPage();
    await signInOnStaffPage(staff, server, 'hoa', 'manager', 'MC');
    await staff.getByLabel('Tên máy').fill('Máy quầy 2');
    await staff.getByLabel('Đơn vị / quầy').selectOption({ label: 'Quầy số 2 - Lao động, Doanh nghiệp' });
    await staff.getByLabel('Cán bộ tại quầy (không bắt buộc)').selectOption({ label: 'Lăng Thị Hoa' });
    await staff.getByLabel(/^Gắn cờ ý kiến gửi/).fill('0');
    await staff.getByRole('button', { name: 'Đăng ký máy' }).click();
    await staff.getByRole('heading', { name: 'Mã đăng ký cho máy “Máy quầy 2”' }).waitFor();
    const scanned = new URL(await readQrCode(staff, 'img.enrolment__qr'));
    expect(scanned.origin).toBe('http://sipas.test'); // PUBLIC_URL; the test server listens elsewhere
    const code = await staff.locator('.enrolment__code').textContent();
    expect(scanned.hash).toBe(`#enrol=${code}`);

    // The tablet opens the scanned link: no staff login on it, just the kiosk for its counter.
    const { context, page } = await newPage();
    await page.goto(`${server.url}${scanned.pathname}${scanned.hash}`);
    await page.getByRole('heading', { level: 1, name: WELCOME_VI }).waitFor();
    await page.getByText('Đơn vị: Quầy số 2 - Lao động, Doanh nghiệp').waitFor();
    await page.getByText('Cán bộ tiếp nhận: Lăng Thị Hoa').waitFor();
    expect(page.url()).toBe(`${server.url}/kiosk`); // the used code is gone from the address

    await rateQuickly(page, 'Hài lòng');
    await expect.poll(async () => (await rows()).length, { timeout: 15_000 }).toBe(1);
    await waitForOfflineReady(page);

    await context.setOffline(true);
    await rateQuickly(page, 'Rất hài lòng', 'Trả kết quả đúng hẹn');
    await rateQuickly(page, 'Không hài lòng', 'Phải đi lại nhiều lần');
    await rateQuickly(page, 'Hài lòng');
    await page.getByText('Chờ gửi: 3').waitFor();
    const waiting = await queuedIds(page);
    expect(waiting).toHaveLength(3);

    // A reload with no network: the page comes from the service worker, the queue from IndexedDB.
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker(), 'the reload was answered by the service worker').toBe(true);
    await page.getByRole('heading', { level: 1, name: WELCOME_VI }).waitFor();
    await page.getByText('Chờ gửi: 3').waitFor();
    expect(await rows(), 'nothing reached the server while offline').toHaveLength(1);

    // Back online, the first reply is lost on its way back: stored, but the tablet does not know.
    let lost = 0;
    await page.route('**/api/responses', async (route) => {
      if (lost++ > 0) return route.continue();
      await route.fetch().catch(() => undefined); // delivered to the server (or not: then it is simply lost)
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    await expect.poll(async () => (await rows()).length, { timeout: 30_000 }).toBe(4);
    await page.getByText(/Chờ gửi/).waitFor({ state: 'detached', timeout: 30_000 });
    expect(lost, 'the answer whose reply was lost was sent again').toBeGreaterThan(1);

    const stored = await rows();
    expect(new Set(stored.map((r) => r.id)).size, 'every answer stored once').toBe(4);
    expect(stored.map((r) => r.id)).toEqual(expect.arrayContaining(waiting));
    expect(stored.map((r) => JSON.parse(r.answers))).toEqual([
      { overall: 2 },
      { overall: 3, reasons: ['on_time'] },
      { overall: 1, reasons: ['many_trips'] },
      { overall: 2 },
    ]);
    expect(stored.every((r) => r.unit_code === 'MC-Q2' && r.official_code === 'CB-03' && r.channel === 'kiosk' && r.flagged === 0)).toBe(true);
    expect(await queuedIds(page), 'the queue is empty').toEqual([]);
  });

  it('keeps answers queued while the server restarts, starts from its cache meanwhile, and sends them once it is back', async () => {
    const server: RestartableServer = await startRestartableServer();
    closers.push(() => server.destroy());
    const { code } = await registerDevice(server.db(), { name: 'Máy quầy 1', unit: 'MC-Q1', thanksSeconds: 8, idleSeconds: 60, repeatSeconds: 0 }, { secret: server.secret, actor: 'test', now: new Date() });
    const { page } = await newPage();
    await page.goto(`${server.url}/kiosk#enrol=${code}`);
    await page.getByRole('heading', { level: 1, name: WELCOME_VI }).waitFor();
    await rateQuickly(page, 'Rất hài lòng');
    await expect.poll(async () => server.countResponses(), { timeout: 15_000 }).toBe(1);
    await waitForOfflineReady(page);

    await server.stop();
    await rateQuickly(page, 'Không hài lòng');
    await rateQuickly(page, 'Hài lòng');
    await page.getByText('Chờ gửi: 2').waitFor();
    // The server is down: the page still starts, from the service worker's cache.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: WELCOME_VI }).waitFor();
    await page.getByText('Chờ gửi: 2').waitFor();

    await server.start();
    await expect.poll(async () => server.countResponses(), { timeout: 45_000 }).toBe(3);
    await page.getByText(/Chờ gửi/).waitFor({ state: 'detached', timeout: 30_000 });
    expect(await server.countResponses()).toBe(3);
  });
});

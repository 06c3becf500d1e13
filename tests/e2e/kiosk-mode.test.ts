// The kiosk runs all day without staff: it starts over after the thank-you screen and after the
// idle timeout (each as configured for the device), forgets the previous person, offers every
// language a province drops into the locales folder, and stays light.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localesDir } from '../../server/paths';
import { launchBrowser } from '../helpers/browser';
import { openEnrolledKiosk, WELCOME_VI } from '../helpers/kiosk-page';
import { pageScripts } from '../helpers/page-scripts';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('the kiosk left to itself, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  const cleanups: (() => unknown)[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  afterEach(async () => {
    await page.context().close();
    await server.close();
    for (const c of cleanups.splice(0)) await c();
  });
  const open = async (options: Parameters<typeof startTestServer>[1] = {}) => {
    server = await startTestServer('sqlite', options);
    page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  };
  const answers = async () => (await server.database.handle.db.selectFrom('responses').select('answers').execute()).map((r) => JSON.parse(r.answers));
  const welcome = () => page.getByRole('heading', { level: 1, name: WELCOME_VI });

  it('starts over after the idle timeout: a tapped face is kept, a half-done questionnaire is not, language and text size return', async () => {
    await open();
    await page.clock.install();
    await openEnrolledKiosk(page, server, { unit: 'MC-Q1', idleSeconds: 30 });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'A+ Larger text' }).click();
    await page.getByRole('button', { name: /Answer the full survey/ }).click();
    await page.getByRole('radio', { name: 'Very satisfied' }).first().check();
    await page.clock.fastForward(29_000);
    expect(await page.getByRole('radio', { name: 'Very satisfied' }).first().isChecked()).toBe(true);
    await page.clock.fastForward(2_000);
    await welcome().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    // Set in an effect after the screen is drawn: polled, not read once.
    await expect.poll(() => page.locator('html').evaluate((h) => h.style.fontSize)).toBe('100%');
    await page.getByRole('button', { name: /Trả lời khảo sát đầy đủ/ }).click();
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Hủy, làm lại từ đầu' }).click();

    await page.getByRole('button', { name: 'Không hài lòng' }).click();
    await page.getByRole('checkbox', { name: 'Trả kết quả trễ hẹn' }).check();
    await page.clock.fastForward(31_000);
    await welcome().waitFor();
    await expect.poll(answers, { timeout: 15_000 }).toEqual([{ overall: 1, reasons: ['late'] }]);
  });

  it('leaves the thank-you screen after the device’s configured seconds, with nothing of the previous person on screen', async () => {
    await open();
    await page.clock.install();
    await openEnrolledKiosk(page, server, { unit: 'MC-Q1', thanksSeconds: 5 });
    await page.getByRole('button', { name: 'Rất hài lòng' }).click();
    await page.getByRole('checkbox', { name: 'Công chức tận tình, lịch sự' }).check();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Màn hình sẽ trở về đầu sau 5 giây.').waitFor();
    await page.clock.fastForward(4_000);
    await page.getByText('Màn hình sẽ trở về đầu sau 1 giây.').waitFor();
    await page.clock.fastForward(1_000);
    await welcome().waitFor();
    await page.getByRole('button', { name: 'Rất hài lòng' }).click();
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(0);
  });

  it('offers a language as soon as a province drops its file into the locales folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sipas-locales-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(localesDir, dir, { recursive: true });
    // A partial translation: what it lacks falls back to Vietnamese.
    writeFileSync(join(dir, 'tyz.json'), JSON.stringify({ language: { code: 'tyz', name: 'Tày' }, welcome: { heading: '[tyz] welcome heading', tapFace: '[tyz] tap a face' } }));
    await open({ localesDir: dir });
    await openEnrolledKiosk(page, server);
    await page.getByRole('button', { name: 'Tày' }).click();
    await page.getByRole('heading', { level: 1, name: '[tyz] welcome heading' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('tyz');
    await page.getByText('[tyz] tap a face').waitFor();
    await page.getByRole('button', { name: /Trả lời khảo sát đầy đủ/ }).waitFor();
  });

  it('loads at most 30 KB of JavaScript (gzip) before the first question', async () => {
    await open();
    await openEnrolledKiosk(page, server);
    // Its script is inside the page (kiosk/build/inline-pages.ts): counted as gzip would send it.
    const scripts = await pageScripts(page);
    expect(scripts.inline.length + scripts.files.length).toBeGreaterThan(0);
    expect([...scripts.inline, ...scripts.files.map((f) => f.bytes)].every((bytes) => bytes > 0)).toBe(true);
    expect(scripts.total).toBeLessThanOrEqual(30 * 1024);
  });
});

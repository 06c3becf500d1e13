// How heavy the citizen pages are for an old tablet on a slow line: each page is opened in
// Chromium with the network throttled to 400 kbit/s and 400 ms latency and the CPU slowed 4×.
// Printed per page: the JavaScript (gzip) loaded before the first question can be answered and
// the time until then, beside the same page unthrottled (the baseline) and a repeat visit.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensurePagesBuilt } from '../../server/build-pages';
import { launchBrowser } from '../helpers/browser';
import { enrolTestDevice } from '../helpers/kiosk-device';
import { startTestServer, type TestServer } from '../helpers/test-server';
import type { Benchmark } from './index';

export interface WeighedPage {
  /** Names the figures: `<name>_js_gzip_kb`, `<name>_first_question_ms` … */
  name: string;
  /**
   * Gets the server ready (an enrolled device, an invitation …) and says what to open, what the
   * first answerable question is (a CSS selector), and what the browser holds beforehand.
   */
  prepare(server: TestServer): Promise<{ url: string; firstQuestion: string; localStorage?: Record<string, string> }>;
}

/** The pages measured. The phone page (/s/<token>, issue 4) joins with one entry here. */
export const weighedPages: WeighedPage[] = [
  {
    name: 'kiosk',
    async prepare(server) {
      const device = await enrolTestDevice(server, { unit: 'MC-Q1' });
      // An enrolled tablet, as every morning: its credential is already in localStorage.
      return { url: `${server.url}/kiosk`, firstQuestion: '.quick-faces button', localStorage: { 'sipas.kiosk.device': JSON.stringify(device.config) } };
    },
  },
];

const SLOW = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

interface Load {
  jsGzipBytes: number;
  firstQuestionMs: number;
}

/** Opens the page and reports when its first question became answerable and the JS loaded by then. */
async function load(page: Page, url: string, firstQuestion: string, slow: boolean, reload = false): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...(slow ? SLOW : { latency: 0, downloadThroughput: -1, uploadThroughput: -1 }) });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slow ? 4 : 1 });
  if (reload) await page.reload({ waitUntil: 'commit' });
  else await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __firstQuestionAt?: number }).__firstQuestionAt !== undefined, undefined, { timeout: 120_000, polling: 50 });
  const measured = await page.evaluate(() => {
    const ready = (window as unknown as { __firstQuestionAt: number }).__firstQuestionAt;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => /\.js(\?|$)/.test(r.name) && r.responseEnd <= ready);
    return { ready, js: scripts.reduce((sum, r) => sum + r.encodedBodySize, 0) };
  });
  await cdp.detach();
  return { jsGzipBytes: measured.js, firstQuestionMs: Math.round(measured.ready) };
}

/** Waits until a service worker registered by the page (if any) has installed and taken control. */
async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return;
    for (let i = 0; i < 30 && !(await navigator.serviceWorker.getRegistration()); i++) await new Promise((r) => setTimeout(r, 100));
    if (!(await navigator.serviceWorker.getRegistration())) return;
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
}

/**
 * Records the moment the first question appears, in the page's own clock (ms since navigation).
 * A string, not a function: tsx would wrap a function's inner helpers in names the page lacks.
 */
const watchFirstQuestion = (selector: string) => `
  new MutationObserver(() => {
    if (window.__firstQuestionAt === undefined && document.querySelector(${JSON.stringify(selector)})) window.__firstQuestionAt = performance.now();
  }).observe(document, { childList: true, subtree: true });`;

async function freshContext(browser: Browser, selector: string, storage?: Record<string, string>): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  await context.addInitScript({ content: watchFirstQuestion(selector) });
  if (storage) await context.addInitScript({ content: `Object.entries(${JSON.stringify(storage)}).forEach(([k, v]) => localStorage.setItem(k, v));` });
  return context;
}

export const pageWeightBenchmark: Benchmark = {
  name: 'page-weight',
  description: 'JS (gzip) and time to the first question, throttled (400 kbit/s, 400 ms, CPU 4×) and not',
  async run(log) {
    await ensurePagesBuilt(log);
    const browser = await launchBrowser();
    const server = await startTestServer();
    const figures: Record<string, number> = {};
    try {
      log('page    JS before 1st question   1st question: throttled   unthrottled (baseline)   repeat visit, throttled');
      for (const weighed of weighedPages) {
        const { url, firstQuestion, localStorage } = await weighed.prepare(server);
        const baselineContext = await freshContext(browser, firstQuestion, localStorage);
        const baseline = await load(await baselineContext.newPage(), url, firstQuestion, false);
        await baselineContext.close();
        const context = await freshContext(browser, firstQuestion, localStorage);
        const page = await context.newPage();
        const cold = await load(page, url, firstQuestion, true);
        // The kiosk's service worker (or, for a page without one, the HTTP cache) serves the repeat visit.
        await page.waitForLoadState('load');
        await serviceWorkerInControl(page);
        const repeat = await load(page, url, firstQuestion, true, true);
        await context.close();
        const kb = Math.round((cold.jsGzipBytes / 1024) * 10) / 10;
        log(`${weighed.name.padEnd(8)}${`${kb} KB`.padEnd(25)}${`${cold.firstQuestionMs} ms`.padEnd(26)}${`${baseline.firstQuestionMs} ms`.padEnd(25)}${repeat.firstQuestionMs} ms`);
        Object.assign(figures, {
          [`${weighed.name}_js_gzip_kb`]: kb,
          [`${weighed.name}_first_question_ms`]: cold.firstQuestionMs,
          [`${weighed.name}_first_question_unthrottled_ms`]: baseline.firstQuestionMs,
          [`${weighed.name}_repeat_first_question_ms`]: repeat.firstQuestionMs,
        });
      }
    } finally {
      await server.close();
      await browser.close();
    }
    return figures;
  },
};

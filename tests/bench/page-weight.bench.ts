// How heavy the citizen pages are for an old tablet on a slow line: each page is opened in
// Chromium with the network throttled to 400 kbit/s and 400 ms latency and the CPU slowed 4×.
// Printed per page: the JavaScript (gzip) loaded before the first question can be answered and
// the time until then, beside the same page unthrottled (the baseline). Always a first visit with
// an empty cache and service workers blocked: CDP throttles the page, not a worker's own requests,
// so a page served by its service worker would look faster than the line allows.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensurePagesBuilt } from '../../server/build-pages';
import { launchBrowser } from '../helpers/browser';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
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

/** The pages measured, each as a first visit to its first question. */
export const weighedPages: WeighedPage[] = [
  {
    name: 'kiosk',
    async prepare(server) {
      const device = await enrolTestDevice(server, { unit: 'MC-Q1' });
      // An enrolled tablet, as every morning: its credential is already in localStorage.
      return { url: `${server.url}/kiosk`, firstQuestion: '.quick-faces button', localStorage: { 'sipas.kiosk.device': JSON.stringify(device.config) } };
    },
  },
  {
    name: 'phone',
    async prepare(server) {
      // A citizen scanning the QR code on a result slip: the token is in the address.
      const { headers } = await apiKeyHeaders(server, ['BQL']);
      const invitation = await server.call('POST', '/api/invitations', invitationRequest(), headers);
      return { url: `${server.url}/s/${invitation.body.token}`, firstQuestion: 'fieldset.rating input[type=radio]' };
    },
  },
];

const SLOW = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

interface Load {
  jsGzipBytes: number;
  firstQuestionMs: number;
}

/** Opens the page and reports when its first question became answerable and the JS loaded by then. */
async function load(page: Page, url: string, firstQuestion: string, slow: boolean): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...(slow ? SLOW : { latency: 0, downloadThroughput: -1, uploadThroughput: -1 }) });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slow ? 4 : 1 });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __firstQuestionAt?: number }).__firstQuestionAt !== undefined, undefined, { timeout: 120_000, polling: 50 });
  const measured = await page.evaluate(() => {
    const ready = (window as unknown as { __firstQuestionAt: number }).__firstQuestionAt;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => /\.js(\?|$)/.test(r.name) && r.responseEnd <= ready);
    return { ready, js: scripts.reduce((sum, r) => sum + r.encodedBodySize, 0) };
  });
  await cdp.detach();
  return { jsGzipBytes: measured.js, firstQuestionMs: Math.round(measured.ready) };
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
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
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
      log('page    JS (gzip) before the 1st question   1st question, throttled   unthrottled (baseline)');
      for (const weighed of weighedPages) {
        const { url, firstQuestion, localStorage } = await weighed.prepare(server);
        const measure = async (slow: boolean) => {
          const context = await freshContext(browser, firstQuestion, localStorage);
          try {
            return await load(await context.newPage(), url, firstQuestion, slow);
          } finally {
            await context.close();
          }
        };
        const baseline = await measure(false);
        const slow = await measure(true);
        const kb = Math.round((slow.jsGzipBytes / 1024) * 10) / 10;
        log(`${weighed.name.padEnd(8)}${`${kb} KB`.padEnd(36)}${`${slow.firstQuestionMs} ms`.padEnd(26)}${baseline.firstQuestionMs} ms`);
        Object.assign(figures, {
          [`${weighed.name}_js_gzip_kb`]: kb,
          [`${weighed.name}_first_question_ms`]: slow.firstQuestionMs,
          [`${weighed.name}_first_question_unthrottled_ms`]: baseline.firstQuestionMs,
        });
      }
    } finally {
      await server.close();
      await browser.close();
    }
    return figures;
  },
};

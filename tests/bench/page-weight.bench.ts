// How heavy the citizen pages are for an old tablet on a slow line: each page is opened in
// Chromium with the network throttled to 400 kbit/s and 400 ms latency and the CPU slowed 4×.
// Printed per page: the JavaScript (gzip) loaded before the first question can be answered, the
// time until then, beside the same page unthrottled (the baseline), and the requests answered by
// then (a count the machine's load does not move, unlike the times). Always a first visit with
// an empty cache and service workers blocked: CDP throttles the page, not a worker's own requests,
// so a page served by its service worker would look faster than the line allows. Also printed:
// each page's cumulative layout shift until it is loaded and quiet, on the screen it is made for,
// with the elements that moved.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensurePagesBuilt } from '../../server/build-pages';
import { launchBrowser } from '../helpers/browser';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { enrolTestDevice } from '../helpers/kiosk-device';
import { pageScripts } from '../helpers/page-scripts';
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
  /**
   * The screen the page is made for, when not the tablet's: its layout shift (`<name>_cls`) is
   * measured there, in loads of its own; the other figures stay on the tablet's screen.
   */
  screen?: Viewport;
}

interface Viewport {
  width: number;
  height: number;
}

const TABLET: Viewport = { width: 1024, height: 768 };

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
    // A small phone, where the top bar wraps first.
    screen: { width: 360, height: 640 },
  },
];

const SLOW = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

interface Load {
  jsGzipBytes: number;
  /** Requests answered before the first question, the page included: each is at least a round trip's share of the wait. */
  requests: number;
  firstQuestionMs: number;
  /** Cumulative layout shift until the page is loaded and its network quiet. */
  cls: number;
  /** The shifts counted in `cls`, with the elements that moved, for finding the culprit. */
  shifts: LayoutShift[];
}

/** Opens the page and reports when its first question became answerable, the JS loaded by then, and the layout shifts. */
async function load(page: Page, url: string, firstQuestion: string, slow: boolean): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...(slow ? SLOW : { latency: 0, downloadThroughput: -1, uploadThroughput: -1 }) });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slow ? 4 : 1 });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __firstQuestionAt?: number }).__firstQuestionAt !== undefined, undefined, { timeout: 120_000, polling: 50 });
  const measured = await page.evaluate(() => {
    const ready = (window as unknown as { __firstQuestionAt: number }).__firstQuestionAt;
    const before = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.responseEnd <= ready);
    return { ready, requests: 1 + before.length };
  });
  // Script files answered by then, and the scripts inside the page (the kiosk's and the phone page's) as gzip sends them.
  const js = (await pageScripts(page, measured.ready)).total;
  // Late content can still push the question about after it appeared: count shifts until the page is settled.
  await page.waitForLoadState('load', { timeout: 120_000 });
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  const shifts = await page.evaluate(() => (window as unknown as { __layoutShifts: LayoutShift[] }).__layoutShifts);
  await cdp.detach();
  const cls = shifts.reduce((sum, s) => sum + s.value, 0);
  return { jsGzipBytes: js, requests: measured.requests, firstQuestionMs: Math.round(measured.ready), cls: Math.round(cls * 1000) / 1000, shifts };
}

/**
 * Records the moment the first question appears, in the page's own clock (ms since navigation).
 * A string, not a function: tsx would wrap a function's inner helpers in names the page lacks.
 */
const watchFirstQuestion = (selector: string) => `
  new MutationObserver(() => {
    if (window.__firstQuestionAt === undefined && document.querySelector(${JSON.stringify(selector)})) window.__firstQuestionAt = performance.now();
  }).observe(document, { childList: true, subtree: true });`;

interface LayoutShift {
  value: number;
  at: number;
  /** The elements that moved, as `tag#id.class`, with their rectangle before → after. */
  sources: string[];
}

/**
 * Collects layout shifts not caused by the user's input (as CLS counts them) from the start of the
 * page, with the elements that moved. A string for the same reason as watchFirstQuestion.
 */
const watchLayoutShifts = `
  window.__layoutShifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      const name = (n) => !n ? '(gone)' : n.nodeType !== 1 ? n.nodeName : n.localName + (n.id ? '#' + n.id : '') + (n.classList.length ? '.' + [...n.classList].join('.') : '');
      const box = (r) => Math.round(r.x) + ',' + Math.round(r.y) + ' ' + Math.round(r.width) + '×' + Math.round(r.height);
      window.__layoutShifts.push({ value: e.value, at: e.startTime, sources: (e.sources || []).map((s) => name(s.node) + ' ' + box(s.previousRect) + ' → ' + box(s.currentRect)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });`;

const describeShift = (s: LayoutShift) => `        ${s.value.toFixed(3)} at ${Math.round(s.at)} ms: ${s.sources.join('; ')}`;

async function freshContext(browser: Browser, selector: string, storage?: Record<string, string>, viewport = TABLET): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  await context.addInitScript({ content: watchFirstQuestion(selector) });
  await context.addInitScript({ content: watchLayoutShifts });
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
    const shiftLines: string[] = [];
    try {
      log('page    JS (gzip) before the 1st question   1st question, throttled   unthrottled (baseline)   requests before it (throttled)');
      for (const weighed of weighedPages) {
        const { url, firstQuestion, localStorage } = await weighed.prepare(server);
        const measure = async (slow: boolean, viewport?: Viewport) => {
          const context = await freshContext(browser, firstQuestion, localStorage, viewport);
          try {
            return await load(await context.newPage(), url, firstQuestion, slow);
          } finally {
            await context.close();
          }
        };
        const baseline = await measure(false);
        const slow = await measure(true);
        const shifted = weighed.screen ? { slow: await measure(true, weighed.screen), baseline: await measure(false, weighed.screen) } : { slow, baseline };
        const kb = Math.round((slow.jsGzipBytes / 1024) * 10) / 10;
        log(`${weighed.name.padEnd(8)}${`${kb} KB`.padEnd(36)}${`${slow.firstQuestionMs} ms`.padEnd(26)}${`${baseline.firstQuestionMs} ms`.padEnd(25)}${slow.requests}`);
        Object.assign(figures, {
          [`${weighed.name}_js_gzip_kb`]: kb,
          [`${weighed.name}_first_question_ms`]: slow.firstQuestionMs,
          [`${weighed.name}_first_question_unthrottled_ms`]: baseline.firstQuestionMs,
          [`${weighed.name}_requests_before_first_question`]: slow.requests,
          [`${weighed.name}_cls`]: shifted.slow.cls,
          [`${weighed.name}_cls_unthrottled`]: shifted.baseline.cls,
        });
        const { width, height } = weighed.screen ?? TABLET;
        shiftLines.push(`${weighed.name.padEnd(8)}${`${width}×${height}`.padEnd(12)}${String(shifted.slow.cls).padEnd(34)}${shifted.baseline.cls}`, ...shifted.slow.shifts.map(describeShift));
      }
      log('page    screen      layout shift (CLS), throttled     unthrottled (baseline); then each throttled shift');
      for (const l of shiftLines) log(l);
    } finally {
      await server.close();
      await browser.close();
    }
    return figures;
  },
};

// The JavaScript a page has loaded, in gzip bytes: its script files as sent, and the scripts
// inside its HTML (the kiosk's and the phone page's, kiosk/build/inline-pages.ts) as gzip would
// send them, so the 30 KB budget still counts every script whether it came as a file or inline.
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface PageScripts {
  /** `.js` files answered by `until` (ms since navigation; all when left out), bytes as sent. */
  files: { name: string; bytes: number }[];
  /** Each running inline script (not a JSON data block), gzip'd. */
  inline: number[];
  total: number;
}

export async function pageScripts(page: Page, until = Infinity): Promise<PageScripts> {
  const seen = await page.evaluate((limit) => {
    const files = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => /\.js(\?|$)/.test(r.name) && r.responseEnd <= (limit ?? Infinity))
      .map((r) => ({ name: r.name, bytes: r.encodedBodySize }));
    const inline = [...document.querySelectorAll('script:not([src])')].filter((s) => s.getAttribute('type') !== 'application/json').map((s) => s.textContent ?? '');
    return { files, inline };
  }, until === Infinity ? null : until);
  const inline = seen.inline.map((text) => gzipSync(text, { level: 9 }).length);
  return { files: seen.files, inline, total: seen.files.reduce((sum, f) => sum + f.bytes, 0) + inline.reduce((a, b) => a + b, 0) };
}

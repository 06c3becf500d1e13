// The staff page opens on the scores tab for every role; its HTML names that tab's files, so the
// browser fetches them while the page's own script loads rather than after the session is checked
// (kiosk/build/first-tab-links.ts). A file the tab needs and the HTML forgot would show here as a
// request the HTML did not name; a link added from script, as a <link> the HTML did not have.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../server/auth/staff-auth';
import { seedDemoResponses } from '../../server/seed/demo-responses';
import { launchBrowser } from '../helpers/browser';
import { signIn } from '../helpers/staff-session';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** The /assets/ files named by the HTML's elements of one kind (`link` href, `script` src). */
const assetsNamed = (html: string, tag: 'link' | 'script') => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*\\b(?:href|src)="(/assets/[^"]+)"`, 'g'))].map((m) => m[1]!);

describe('the staff page and its first tab', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
    await seedDemoResponses(server.database.handle.db, server.database.surveys, 300);
  });
  afterAll(async () => {
    await server.close();
    await browser.close();
  });

  it('fetches only files its HTML names, and adds no link from script, until the scores are drawn', async () => {
    const admin = await signIn(server, 'an', 'admin');
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      await context.addCookies([{ name: SESSION_COOKIE, value: admin.headers.cookie!.slice(`${SESSION_COOKIE}=`.length), url: server.url }]);
      const page = await context.newPage();
      const assets: string[] = [];
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/assets/')) assets.push(path);
      });
      const response = await page.goto(`${server.url}/staff`);
      const html = await response!.text();
      await page.locator('.scores__results[aria-busy="false"]').waitFor();

      const links = assetsNamed(html, 'link');
      const named = [...links, ...assetsNamed(html, 'script')];
      expect(named.some((f) => /\/ScoresTab-[\w-]+\.js$/.test(f))).toBe(true);
      expect(named.some((f) => /\/scores-[\w-]+\.css$/.test(f))).toBe(true);
      expect(assets.filter((f) => !named.includes(f))).toEqual([]);
      const linksNow = await page.evaluate(() => [...document.querySelectorAll('link[href^="/assets/"]')].map((l) => l.getAttribute('href')));
      expect(linksNow.sort()).toEqual(links.sort());
    } finally {
      await context.close();
    }
  });
});

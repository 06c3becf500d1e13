// What a newcomer's browser (and Lighthouse) checks first: no console error on any page, a favicon
// everywhere, and a kiosk an Android tablet can install and start full screen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchBrowser } from '../helpers/browser';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { openEnrolledKiosk, signInOnStaffPage, waitForOfflineReady } from '../helpers/kiosk-page';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** Console errors and failed loads while `visit` runs, as Lighthouse's "errors in the console" sees them. */
async function problemsDuring(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()} (${m.location().url})`));
  page.on('pageerror', (e) => problems.push(`script: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  await visit();
  // Whatever the page still had in flight settles before counting.
  await page.waitForLoadState('networkidle');
  return problems;
}

describe('first impressions in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
    await browser.close();
  });

  it('shows no console error on any page, and every page has its icon', async () => {
    const { headers } = await apiKeyHeaders(server, ['MC']);
    const token = (await server.call('POST', '/api/invitations', invitationRequest(), headers)).body.token as string;
    const visits: [string, (page: Page) => Promise<void>][] = [
      ['/kiosk (not enrolled)', async (page) => { await page.goto(`${server.url}/kiosk`); await page.locator('#enrol-heading').waitFor(); }],
      ['/kiosk (enrolled)', async (page) => { await openEnrolledKiosk(page, server); }],
      ['/s', async (page) => { await page.goto(`${server.url}/s`); await page.locator('h1').waitFor(); }],
      ['/s/<token>', async (page) => { await page.goto(`${server.url}/s/${token}`); await page.locator('h1').waitFor(); }],
      ['/gop-y', async (page) => { await page.goto(`${server.url}/gop-y`); await page.locator('form').first().waitFor(); }],
      ['/gop-y/cong-khai', async (page) => { await page.goto(`${server.url}/gop-y/cong-khai`); await page.locator('h1').waitFor(); }],
      ['/staff (sign-in)', async (page) => { await page.goto(`${server.url}/staff`); await page.getByLabel('Tên đăng nhập').waitFor(); }],
      ['/staff (signed in)', async (page) => { await signInOnStaffPage(page, server, 'lan', 'manager', 'MC'); }],
      ['/api/docs', async (page) => { await page.goto(`${server.url}/api/docs`); await page.locator('h1').waitFor(); }],
    ];
    for (const [name, visit] of visits) {
      const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
      expect(await problemsDuring(page, () => visit(page)), name).toEqual([]);
      // Chromium asks every page for /favicon.ico unless it names an icon; either way it answers.
      const icon = await page.evaluate(async () => {
        const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '/favicon.ico';
        const res = await fetch(href);
        return { status: res.status, type: res.headers.get('content-type') };
      });
      expect(icon, name).toEqual({ status: 200, type: expect.stringMatching(/^image\//) });
      await page.close();
    }
    const favicon = await fetch(`${server.url}/favicon.ico`);
    expect([favicon.status, favicon.headers.get('content-type')]).toEqual([200, 'image/x-icon']);
  });

  it('offers the kiosk as an installable app that starts full screen on /kiosk', async () => {
    // Chromium reports no tab of an incognito profile as installable, so this one has a real profile.
    const profile = mkdtempSync(join(tmpdir(), 'sipas-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await context.newPage();
      await openEnrolledKiosk(page, server);
      await waitForOfflineReady(page); // the service worker still installs and takes control
      const cdp = await context.newCDPSession(page);
      expect((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.errors).toEqual([]);
      expect(manifest.url).toBe(`${server.url}/kiosk.webmanifest`);

      const res = await fetch(manifest.url);
      expect(res.headers.get('content-type')).toBe('application/manifest+json');
      expect(res.headers.get('content-security-policy')).toContain("manifest-src 'self'");
      const json = (await res.json()) as { name: string; short_name: string; lang: string; display: string; start_url: string; scope: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
      expect(json).toMatchObject({ name: 'Đánh giá sự hài lòng – SIPAS', lang: 'vi', display: 'fullscreen', start_url: '/kiosk', scope: '/kiosk' });
      const png = (size: number, purpose: string) => json.icons.some((i) => i.sizes === `${size}x${size}` && i.type === 'image/png' && i.purpose === purpose);
      expect([png(192, 'any'), png(512, 'any'), png(512, 'maskable')]).toEqual([true, true, true]);
      // Each icon decodes in the browser at the size the manifest claims.
      const loaded = await page.evaluate(async (icons) => Promise.all(icons.map(async (i) => {
        const img = new Image();
        img.src = i.src;
        await img.decode();
        return `${i.sizes === 'any' ? 'any' : `${img.naturalWidth}x${img.naturalHeight}`}`;
      })), json.icons);
      expect(loaded).toEqual(json.icons.map((i) => i.sizes));
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('the API docs page in Chromium', () => {
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

  it('loads its stylesheet under the CSP, links every operation, and passes axe', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    const blocked: string[] = [];
    page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && blocked.push(m.text()));
    await page.goto(`${server.url}/api/docs`);
    expect(await page.locator('h1').textContent()).toBe('Giao diện lập trình (API) của SIPAS');
    // The external stylesheet applied: the operation cards have a white background.
    expect(await page.locator('.op').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    const links = await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const href of links) expect(await page.locator(href).count(), href).toBe(1);
    expect(blocked).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

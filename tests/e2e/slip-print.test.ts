import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { decodeQrPnm, scanQr } from '../helpers/qr-decode';
import { signIn } from '../helpers/staff-session';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** Where the PDFs and their renderings go: kept for a person to look at in the folder SIPAS_SLIP_OUT names, else a temporary one removed after the tests. */
const OUT = process.env.SIPAS_SLIP_OUT ?? mkdtempSync(join(tmpdir(), 'sipas-slips-'));

describe('printing the slips in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let staff: BrowserContext;
  let invitations: { id: string; url: string; shortCode: string }[];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    if (!process.env.SIPAS_SLIP_OUT) rmSync(OUT, { recursive: true, force: true });
  });
  beforeEach(async () => {
    server = await startTestServer('sqlite', { now: new Date('2026-03-10T03:00:00Z') });
    const { headers } = await apiKeyHeaders(server, ['BQL']);
    invitations = [];
    for (const [i, procedure] of ['DT-01', 'LD-02', 'XD-01', 'DT-03', 'LD-01', 'MT-01', 'DT-02'].entries()) {
      // CB-01 and CB-02 serve at counter 1 (MC-Q1), the unit these invitations name.
      const issued = await server.call('POST', '/api/invitations', invitationRequest({ procedure, official: `CB-0${(i % 2) + 1}` }), headers);
      expect(issued.status).toBe(201);
      invitations.push(issued.body);
    }
    const manager = await signIn(server, 'quanly', 'manager', 'BQL');
    staff = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    await staff.addCookies([{ name: 'sipas_session', value: manager.headers.cookie!.split('=')[1]!, url: server.url }]);
  });
  afterEach(async () => {
    await staff.close();
    await server.close();
  });

  /** Prints the page to PDF, renders it at the given resolution and returns the page images. */
  async function printed(path: string, name: string, dpi: number) {
    const page = await staff.newPage();
    await page.goto(`${server.url}${path}`);
    await page.locator('.slip svg').first().waitFor();
    const pdf = join(OUT, `${name}.pdf`);
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.close();
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    const mm = (pts: string) => Math.round((Number(pts) * 25.4) / 72);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', pdf, join(OUT, name)]);
    execFileSync('pdftoppm', ['-r', '96', '-png', '-f', '1', '-l', '1', pdf, join(OUT, `${name}-preview`)]);
    const image = (n: number) => readFileSync(join(OUT, `${name}-${String(n).padStart(String(pages).length, '0')}.pgm`));
    return { pages, widthMm: mm(w!), heightMm: mm(h!), image };
  }

  it('prints one 80 mm thermal slip whose QR code reads back at 203 dpi', async () => {
    const first = invitations[0]!;
    const slip = await printed(`/slips/${first.id}`, 'thermal', 203);
    expect([slip.pages, slip.widthMm, slip.heightMm]).toEqual([1, 80, 95]);
    expect(decodeQrPnm(slip.image(1))).toBe(first.url);
  });

  it('prints A5 (one per sheet) and an A4 batch (six per sheet), every code readable', async () => {
    const a5 = await printed(`/slips/${invitations[1]!.id}?layout=a5`, 'a5', 150);
    expect([a5.pages, a5.widthMm, a5.heightMm]).toEqual([1, 148, 210]);
    expect(decodeQrPnm(a5.image(1))).toBe(invitations[1]!.url);

    const ids = invitations.map((i) => i.id).join(',');
    const a4 = await printed(`/slips?ids=${ids}&layout=a4`, 'a4', 150);
    expect([a4.pages, a4.widthMm, a4.heightMm]).toEqual([2, 210, 297]);
    // The last slip, alone on the second sheet, reads back.
    expect(decodeQrPnm(a4.image(2))).toBe(invitations[6]!.url);
  });

  it('shows the slip on screen with code, address and instructions, and passes axe', async () => {
    const page = await staff.newPage();
    const first = invitations[0]!;
    await page.goto(`${server.url}/slips/${first.id}`);
    await expect.poll(() => page.locator('.slip__code').textContent()).toBe(first.shortCode);
    expect(await page.locator('.slip__or').textContent()).toBe('Hoặc mở sipas.test/s và nhập mã:');
    expect(await page.locator('.slip__instruction').textContent()).toContain('Quét mã QR');
    expect(await page.locator('.slip__expires').textContent()).toBe('Hạn đánh giá: 09/04/2026');
    expect(await scanQr(browser, page.locator('.slip__qr svg'))).toBe(first.url);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

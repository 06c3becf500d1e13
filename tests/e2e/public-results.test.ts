import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listCriteria } from '../../survey-defs/criteria';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { feedbackItem } from '../helpers/feedback-fixtures';
import { signIn } from '../helpers/staff-session';
import { storeResponses } from '../helpers/store-responses';
import { startTestServer, type TestServer } from '../helpers/test-server';

const PHONE = { width: 360, height: 740 };

describe('published results and the sender\'s rating on a 360 px phone in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    server = await startTestServer('sqlite', { now: new Date('2026-05-20T03:00:00Z') });
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.context().close();
    await server.close();
  });
  async function phone(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    pages.push(page);
    await page.goto(`${server.url}${path}`);
    return page;
  }
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('reads /ket-qua: ranking, periods, elements, marks and the link to published answers, with axe clean', async () => {
    const criteria = listCriteria(server.database.surveys.get('sipas-2017')!).map((c) => c.id);
    const all = (value: number) => Object.fromEntries(criteria.map((id) => [id, value]));
    const at = (i: number) => new Date(Date.parse('2026-02-02T02:00:00Z') + i * 86_400_000).toISOString();
    await storeResponses(server, [
      ...Array.from({ length: 40 }, (_, i) => ({ unit: 'QLDT', submittedAt: at(i), answers: all(i % 4 ? 5 : 2) })),
      ...Array.from({ length: 10 }, (_, i) => ({ unit: 'TTCK', submittedAt: at(i), answers: { access_seats: 5 } })),
    ]);
    const admin = await signIn(server, 'root', 'admin');
    for (const unit of ['QLDT', 'TTCK']) expect((await server.call('PUT', `/api/result-publications/${unit}`, { published: true }, admin.headers)).status).toBe(200);

    const page = await phone('/ket-qua');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Phòng Quản lý Đầu tư' }).count()).toBe(1);
    const ranking = page.getByRole('list');
    // BQL holds TTCK's ten "very satisfied" seats too (40 of 50 = 80%), so it ranks above QLDT's 75%.
    expect(await ranking.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^Ban Quản lý[^]*75,25%/), expect.stringMatching(/^Phòng Quản lý Đầu tư[^]*75,00%/)]);
    expect(await page.getByText('100,00% *').count()).toBeGreaterThan(0); // TTCK: shown, marked, not ranked
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);

    // The elements unfold; the tap target is large enough for a thumb.
    const summary = page.locator('#u-QLDT summary').filter({ hasText: 'Quý 1/2026' });
    const box = (await summary.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
    await summary.click();
    await page.locator('#u-QLDT details[open] table').getByText('Tiếp cận dịch vụ').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('#u-QLDT').getByRole('link', { name: /trả lời góp ý/ }).click();
    await page.waitForURL(/\/gop-y\/cong-khai\?unit=QLDT$/);
    await page.getByRole('heading', { level: 1 }).waitFor();

    const english = await phone('/ket-qua?lang=en');
    await english.getByRole('heading', { level: 1, name: 'How satisfied people are with administrative services' }).waitFor();
    expect(await axeViolations(english)).toEqual([]);
  });

  it('lets the sender rate the handling from the tracking page', async () => {
    const item = feedbackItem({ unit: 'MC-Q1' });
    const sent = await server.call('POST', '/api/feedback', item);
    const manager = await signIn(server, 'quanly', 'manager', 'MC');
    await server.call('PUT', `/api/feedback/items/${item.id}/reply`, { reply: 'Đơn vị đã bố trí thêm người.' }, manager.headers);
    await server.call('POST', `/api/feedback/items/${item.id}/status`, { to: 'answered' }, manager.headers);

    const page = await phone(`/gop-y/${sent.body.code}`);
    const dissatisfied = page.getByRole('button', { name: 'Không hài lòng' });
    await dissatisfied.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dissatisfied.click();
    await page.getByText('Cảm ơn Ông/Bà đã đánh giá.').waitFor();
    expect(await dissatisfied.getAttribute('aria-pressed')).toBe('true');
    expect((await server.call('GET', `/api/feedback/track/${sent.body.code}`)).body.rating).toBe('dissatisfied');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });
});

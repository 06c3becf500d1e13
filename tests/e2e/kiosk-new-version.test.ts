// A tablet that stays on all day at the counter: when an admin publishes a new version of its
// questionnaire, the tablet learns it from its next heartbeat and asks it from the next person on,
// without anyone restarting it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { openEnrolledKiosk } from '../helpers/kiosk-page';
import { signIn } from '../helpers/staff-session';
import { startTestServer, type TestServer } from '../helpers/test-server';

const RENAMED = 'Tiếp cận dịch vụ tại quầy';

describe('a kiosk running when a new questionnaire version is published, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    server = await startTestServer();
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  });
  afterEach(async () => {
    await page.close();
    await server.close();
  });

  it('asks the new version from the next person after its heartbeat, with no restart', async () => {
    await openEnrolledKiosk(page, server, { unit: 'MC-Q1' });
    await page.getByRole('button', { name: /Trả lời khảo sát đầy đủ/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Tiếp cận dịch vụ', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Hủy, làm lại từ đầu' }).click();

    // v2 of sipas-2017 rewords the first element's title (a kept id may be reworded).
    const admin = await signIn(server, 'root', 'admin');
    const as = (method: string, path: string, body?: unknown) => server.call(method, path, body, admin.headers);
    const draft = (await as('POST', '/api/staff/surveys/sipas-2017/draft', {})).body;
    draft.definition.elements[0].title.vi = RENAMED;
    const saved = await as('PUT', '/api/staff/surveys/sipas-2017/draft', { definition: draft.definition, updatedAt: draft.updatedAt });
    expect((await as('POST', '/api/staff/surveys/sipas-2017/draft/publish', { updatedAt: saved.body.updatedAt })).status).toBe(201);

    // The network coming back sends a heartbeat at once (as the minute's one would): its answer
    // names version 2, which the tablet fetches.
    expect(await page.locator('main').getAttribute('data-full-version')).toBe('1');
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await page.locator('main[data-full-version="2"]').waitFor();
    await page.getByRole('button', { name: /Trả lời khảo sát đầy đủ/ }).click();
    await page.getByRole('heading', { level: 1, name: RENAMED, exact: true }).waitFor();
  });
});

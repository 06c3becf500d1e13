// WCAG 2.1 AA on every kiosk screen: axe-core finds nothing, every target is at least 48 px,
// every control has a spoken name, text follows the browser's font size, a keyboard (or a switch
// that sends Tab and Space/Enter) can answer, and nothing leads away from the survey.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { openEnrolledKiosk, WELCOME_VI } from '../helpers/kiosk-page';
import { startTestServer, type TestServer } from '../helpers/test-server';

const INTERACTIVE = 'button, a[href], input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])';
const NAMED_ROLES = new Set(['button', 'radio', 'checkbox', 'textbox', 'combobox', 'link', 'spinbutton', 'slider', 'switch']);

/** Every check of this file, on the screen as it is now; returns what failed, empty when all is well. */
async function screenProblems(page: Page, screen: string): Promise<string[]> {
  const problems = (await axeViolations(page)).map((v) => `${screen}: axe ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
  // The target of a radio or checkbox is the tile or label around it, which a tap anywhere on selects it.
  const small = await page.locator(INTERACTIVE).evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed')
      .map((el) => {
        const target = (el.matches('input[type=radio], input[type=checkbox]') && el.closest('label')) || el;
        const box = target.getBoundingClientRect();
        return { what: `${el.tagName.toLowerCase()} "${(target.textContent ?? '').trim().slice(0, 30)}"`, w: box.width, h: box.height };
      })
      .filter((b) => b.w < 48 || b.h < 48)
      .map((b) => `${b.what} is ${Math.round(b.w)}×${Math.round(b.h)} px`),
  );
  problems.push(...small.map((s) => `${screen}: target ${s}`));
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[] };
  await cdp.detach();
  for (const n of nodes) {
    if (!n.ignored && NAMED_ROLES.has(n.role?.value ?? '') && !n.name?.value.trim()) problems.push(`${screen}: a ${n.role!.value} has no accessible name`);
  }
  const links = await page.locator('a[href], form[action], [target]').count();
  if (links) problems.push(`${screen}: ${links} link(s) or form target(s) lead away from the survey`);
  return problems;
}

describe('kiosk accessibility in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    server = await startTestServer();
    page = await browser.newPage({ viewport: { width: 800, height: 1280 } });
  });
  afterEach(async () => {
    await page.close();
    await server.close();
  });

  it('passes on every screen: enrolment, welcome, reasons, each questionnaire step, thanks, English, queued answers', async () => {
    const problems: string[] = [];
    await page.goto(`${server.url}/kiosk`);
    await page.getByRole('heading', { name: 'Đăng ký máy kiosk' }).waitFor();
    problems.push(...(await screenProblems(page, 'enrolment')));
    await page.getByLabel('Mã đăng ký').fill('wrong-code-here');
    await page.getByRole('button', { name: 'Đăng ký máy này' }).click();
    await page.getByRole('alert').waitFor();
    problems.push(...(await screenProblems(page, 'enrolment error')));

    // The thanks screen is checked by axe, which may take longer than its usual 8 seconds.
    await openEnrolledKiosk(page, server, { unit: 'MC-Q1', official: 'CB-01', thanksSeconds: 120 });
    problems.push(...(await screenProblems(page, 'welcome')));
    await page.getByRole('button', { name: 'Không hài lòng' }).click();
    await page.getByRole('checkbox', { name: 'Trả kết quả trễ hẹn' }).check();
    problems.push(...(await screenProblems(page, 'reasons')));
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();
    problems.push(...(await screenProblems(page, 'thanks')));
    await page.getByRole('button', { name: 'Xong' }).click();

    await page.getByRole('button', { name: /Trả lời khảo sát đầy đủ/ }).click();
    for (let step = 1; step <= 8; step++) {
      await page.getByText(`Phần ${step} trên 8`).waitFor();
      const firstRadio = page.getByRole('radio').first();
      if (await firstRadio.count()) await firstRadio.check();
      problems.push(...(await screenProblems(page, `step ${step}`)));
      if (step < 8) await page.getByRole('button', { name: 'Tiếp tục' }).click();
    }
    await page.getByRole('button', { name: 'Hủy, làm lại từ đầu' }).count(); // the last step offers back and send
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('button', { name: 'Xong' }).click();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'How satisfied are you with how your dossier was handled today?' }).waitFor();
    problems.push(...(await screenProblems(page, 'welcome in English')));

    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Satisfied', exact: true }).click();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByText('Chờ gửi: 1').waitFor(); // the reset brought Vietnamese back
    problems.push(...(await screenProblems(page, 'welcome with a queued answer')));
    await page.context().setOffline(false);
    expect(problems).toEqual([]);
  });

  it('follows the browser font size and the text-size control, with the faces carrying words', async () => {
    await page.setViewportSize({ width: 1280, height: 900 }); // wide enough that 32 px text keeps the tablet layout
    await openEnrolledKiosk(page, server);
    const headingPx = () => page.locator('h1').evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    const normal = await headingPx();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
    await expect.poll(headingPx, { timeout: 5_000 }).toBeCloseTo(normal * 2, 1);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 } });
    await expect.poll(headingPx, { timeout: 5_000 }).toBeCloseTo(normal, 1);

    await page.getByRole('button', { name: 'A+ Chữ lớn hơn' }).click();
    await expect.poll(headingPx, { timeout: 5_000 }).toBeCloseTo(normal * 1.25, 1);
    await page.getByRole('button', { name: 'A+ Chữ lớn hơn' }).click();
    await expect.poll(headingPx, { timeout: 5_000 }).toBeCloseTo(normal * 1.5, 1);
    // Larger text still leaves every target reachable and big enough.
    expect(await screenProblems(page, 'welcome at 150 %')).toEqual([]);
    const faces = await page.locator('.quick-faces button').allTextContents();
    expect(faces).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
  });

  it('takes a quick rating with the keyboard alone: Tab to move, Space or Enter to choose', async () => {
    await openEnrolledKiosk(page, server, { unit: 'MC-Q2' });
    // What a screen reader would announce for the focused control: its own text or its label's.
    const focused = () => page.evaluate(() => (document.activeElement?.closest('label') ?? document.activeElement)?.textContent?.trim() ?? '');
    // Each new screen moves focus to its heading once it has painted; tabbing before that would
    // race the move (a Space pressed on an option just as focus left it chooses nothing).
    const headingTakesFocus = async (name: string) => {
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await expect.poll(focused, { timeout: 5_000 }).toBe(name);
    };
    const tabTo = async (text: string) => {
      for (let i = 0; i < 40 && (await focused()) !== text; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(text);
    };
    await headingTakesFocus(WELCOME_VI);
    await tabTo('Không hài lòng');
    await page.keyboard.press('Space');
    await headingTakesFocus('Vì sao Ông/Bà chọn “Không hài lòng”?');
    await tabTo('Phải đi lại nhiều lần');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('checkbox', { name: 'Phải đi lại nhiều lần' }).isChecked()).toBe(true);
    await tabTo('Gửi đánh giá');
    await page.keyboard.press('Enter');
    await headingTakesFocus('Cảm ơn Ông/Bà!');
    // Xong before the thanks screen times out; the answer reaches the server meanwhile.
    await tabTo('Xong');
    await page.keyboard.press('Enter');
    await headingTakesFocus(WELCOME_VI);
    await expect.poll(async () => (await server.database.handle.db.selectFrom('responses').select('answers').execute()).map((r) => JSON.parse(r.answers)), { timeout: 15_000 }).toEqual([
      { overall: 1, reasons: ['many_trips'] },
    ]);
  });
});

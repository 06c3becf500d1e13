// The Bộ câu hỏi tab in Chromium: an admin copies SIPAS 2023 v1 into a draft, adds a criterion,
// sees it in the kiosk and phone previews, is told in Vietnamese what is missing (by the page
// as they type, and by the server when they save too early), reorders with the keyboard, saves
// and publishes v2, which the server then serves with the criterion where it was put. axe-core
// finds nothing on the list, the editor or the preview frames.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { signInOnStaffPage } from '../helpers/kiosk-page';
import { signIn } from '../helpers/staff-session';
import { startTestServer, type TestServer } from '../helpers/test-server';

const NEW_VI = 'Có chỗ ngồi chờ cho người cao tuổi và người khuyết tật';
const NEW_EN = 'There are seats for older and disabled people while they wait';
const MISSING = 'Tiêu chí 5 của yếu tố «Tiếp cận dịch vụ»: nội dung tiếng Việt không được để trống';

describe('the questionnaire editor in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    server = await startTestServer('sqlite');
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  });
  afterEach(async () => {
    await page.close();
    await server.close();
  });

  it('copies SIPAS 2023 v1 into a draft, adds a criterion in both languages, reorders it by keyboard, saves and publishes v2', async () => {
    await signInOnStaffPage(page, server, 'quan', 'admin');
    await page.getByRole('link', { name: 'Bộ câu hỏi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bộ câu hỏi khảo sát' }).waitFor();
    const card = page.getByRole('region', { name: /SIPAS 2023/ });
    expect(await axeViolations(page)).toEqual([]);

    await card.getByRole('button', { name: 'Tạo bản nháp từ phiên bản 1' }).click();
    await page.getByRole('heading', { level: 1, name: /^Bản nháp: .*SIPAS 2023.* \(phiên bản 2\)$/ }).waitFor();
    const publish = page.getByRole('button', { name: 'Xuất bản phiên bản 2' });
    // A fresh copy is valid, but saved only as it was: nothing to publish until saved changes.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'có thể xuất bản' }).count()).toBe(1);

    // A new criterion in "Tiếp cận dịch vụ" (4 criteria): empty, so the page names what is missing.
    await page.locator('summary', { hasText: '«Tiếp cận dịch vụ» · 4 tiêu chí' }).click();
    await page.getByRole('button', { name: 'Thêm tiêu chí vào «Tiếp cận dịch vụ»' }).click();
    const issue = page.getByRole('link', { name: MISSING });
    await issue.waitFor();
    expect(await publish.isDisabled()).toBe(true);
    await issue.click();
    const viField = page.getByRole('group', { name: 'Tiêu chí 5 «criterion_1»' }).getByLabel('Nội dung tiêu chí 5, Tiếng Việt');
    expect(await viField.evaluate((el) => el === document.activeElement)).toBe(true);

    // Saving now: the server refuses, and says why in Vietnamese, naming the same field.
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.getByRole('alert').filter({ hasText: 'Bộ câu hỏi chưa hợp lệ' }).waitFor();
    await page.getByRole('region', { name: 'Máy chủ từ chối lưu vì' }).getByRole('link', { name: MISSING }).waitFor();

    // The texts, typed: the message goes, the preview (the kiosk's own screen) shows the criterion.
    await viField.fill(NEW_VI);
    await page.getByRole('group', { name: `Tiêu chí 5 «${NEW_VI}»` }).getByLabel('Nội dung tiêu chí 5, Tiếng Anh').fill(NEW_EN);
    await expect.poll(() => page.getByRole('link', { name: MISSING }).count()).toBe(0);
    await page.getByLabel('Màn hình xem trước').selectOption({ label: '5. Tiếp cận dịch vụ' });
    const tablet = page.frameLocator('iframe[data-device="tablet"]');
    await tablet.getByRole('heading', { level: 1, name: 'Tiếp cận dịch vụ' }).waitFor();
    await tablet.getByRole('group', { name: NEW_VI }).getByRole('radio', { name: 'Rất hài lòng' }).waitFor();
    expect(await tablet.locator('fieldset.rating legend').last().textContent()).toBe(NEW_VI);

    // The phone frame in English, and a showIf answered in the preview.
    await page.getByRole('button', { name: 'Điện thoại' }).click();
    await page.getByRole('group', { name: 'Ngôn ngữ xem trước' }).getByRole('button', { name: 'Tiếng Anh' }).click();
    const phone = page.frameLocator('iframe[data-device="phone"]');
    await phone.getByRole('group', { name: NEW_EN }).waitFor();
    await page.getByLabel('Màn hình xem trước').selectOption({ index: 9 });
    await phone.getByRole('heading', { level: 1, name: 'Your assessments' }).waitFor();
    const harassedHow = phone.locator('fieldset.choice', { has: phone.locator('input[name="as_harassed_how"]') });
    expect(await harassedHow.count()).toBe(0);
    await phone.locator('input[name="as_harassed"][value="yes"]').check();
    await harassedHow.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The new criterion moves up one place by keyboard; focus stays on it, the move is announced.
    const up = page.getByRole('button', { name: `Lên: Tiêu chí 5 «${NEW_VI}»` });
    await up.focus();
    await page.keyboard.press('Enter');
    const movedUp = page.getByRole('button', { name: `Lên: Tiêu chí 4 «${NEW_VI}»` });
    await expect.poll(() => movedUp.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByText(`Đã chuyển Tiêu chí 5 «${NEW_VI}» đến vị trí 4 trên 5.`).waitFor();
    await page.getByRole('group', { name: 'Ngôn ngữ xem trước' }).getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('button', { name: 'Máy tính bảng (kiosk)' }).click();
    await page.getByLabel('Màn hình xem trước').selectOption({ label: '5. Tiếp cận dịch vụ' });
    const legends = page.frameLocator('iframe[data-device="tablet"]').locator('fieldset.rating legend');
    await expect.poll(() => legends.nth(3).textContent()).toBe(NEW_VI);

    // Questions move by drag and drop too: the second question dropped on the first.
    const questions = page.getByRole('list', { name: 'Câu hỏi khác' }).locator(':scope > li');
    await questions.nth(1).locator(':scope > .qe-reorder__bar > .qe-reorder__handle').dragTo(questions.nth(0));
    await page.getByText(/^Đã chuyển Câu hỏi 2 «.+» đến vị trí 1 trên 21\.$/).waitFor();

    // Leaving with unsaved changes asks first; declining stays in the editor.
    let leave = '';
    page.once('dialog', (dialog) => {
      leave = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Về danh sách' }).click();
    expect(leave).toContain('chưa lưu');
    expect(await page.getByRole('heading', { level: 1, name: /^Bản nháp: / }).count()).toBe(1);

    // Saved, then published after the confirmation that says a version never changes.
    expect(await publish.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.getByRole('status').filter({ hasText: 'Bản nháp hợp lệ và đã lưu' }).waitFor();
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await publish.click();
    await page.getByText('Đã xuất bản phiên bản 2.').waitFor();
    expect(question).toContain('không bao giờ sửa được');
    await card.getByRole('button', { name: 'Tạo bản nháp từ phiên bản 2' }).waitFor();

    const v2 = await page.evaluate(() => fetch('/api/staff/surveys/sipas-2023/versions/2').then((r) => r.json()));
    const access = v2.elements.find((e: { id: string }) => e.id === 'access');
    expect(access.criteria).toHaveLength(5);
    expect(access.criteria[3]).toMatchObject({ text: { vi: NEW_VI, en: NEW_EN }, scale: 'five' });
    expect(v2.questions.slice(0, 2).map((q: { id: string }) => q.id)).toEqual(['as_info_channels', 'as_follow_policy']);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('exports a version as SurveyJS, imports the file as a new questionnaire, recovers from a draft saved by someone else, and explains a refused retirement in both languages', async () => {
    await signInOnStaffPage(page, server, 'quan', 'admin');
    await page.getByRole('link', { name: 'Bộ câu hỏi' }).click();
    const card = page.getByRole('region', { name: /SIPAS 2023/ });
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: 'Tải phiên bản 1 (SurveyJS JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe('sipas-2023.v1.surveyjs.json');
    const file = (await download.path())!;
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('pages');

    // SurveyJS needs the questionnaire's id: the browser itself asks for it first.
    await page.getByLabel('Định dạng tệp').selectOption('surveyjs');
    await page.getByLabel('Tệp JSON').setInputFiles(file);
    await page.getByLabel('Mã bộ câu hỏi').fill('khao-sat-thu');
    await page.getByRole('button', { name: 'Nhập thành bản nháp' }).click();
    await page.getByRole('heading', { level: 1, name: /^Bản nháp: .* \(phiên bản 1\)$/ }).waitFor();

    // Another admin saves the draft meanwhile: this page's save is refused, and it can load theirs.
    page.on('dialog', (dialog) => void dialog.accept());
    const other = await signIn(server, 'kiem', 'admin');
    const theirs = (await server.call('GET', '/api/staff/surveys/khao-sat-thu/draft', undefined, other.headers)).body;
    const renamed = { ...theirs.definition, method: 'Sửa bởi người khác' };
    expect((await server.call('PUT', '/api/staff/surveys/khao-sat-thu/draft', { definition: renamed, updatedAt: theirs.updatedAt }, other.headers)).status).toBe(200);
    await page.getByLabel('phương pháp (căn cứ)').fill('Sửa ở trang này');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.getByRole('alert').filter({ hasText: 'Bản nháp vừa được người khác sửa' }).waitFor();
    await page.getByRole('button', { name: 'Tải lại bản nháp đã lưu' }).click();
    await expect.poll(() => page.getByLabel('phương pháp (căn cứ)').inputValue()).toBe('Sửa bởi người khác');

    await page.getByRole('button', { name: 'Về danh sách' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bộ câu hỏi khảo sát' }).waitFor();
    await page.getByRole('button', { name: 'Mở bản nháp phiên bản 1' }).waitFor();
    const drafts = await page.evaluate(() => fetch('/api/staff/surveys').then((r) => r.json()));
    expect(drafts.surveys.find((s: { id: string }) => s.id === 'khao-sat-thu')).toMatchObject({ draft: { version: 1 } });

    // The quick rating's only version cannot be retired: said in Vietnamese, then in English.
    const quick = page.getByRole('region', { name: /nhanh/i });
    await quick.getByRole('button', { name: 'Ngừng dùng phiên bản 1' }).click();
    await page.getByRole('alert').filter({ hasText: 'Không thể ngừng phiên bản cuối cùng của phiếu đánh giá nhanh' }).waitFor();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Questionnaires' }).waitFor();
    await page.getByRole('region', { name: /quick/i }).getByRole('button', { name: 'Retire version 1' }).click();
    await page.getByRole('alert').filter({ hasText: /quick rating/i }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

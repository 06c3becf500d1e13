import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedThemes } from '../../server/repos/theme-backfill';
import { shippedLexicon } from '../../server/themes/shipped-lexicon';
import { feedbackItem } from '../helpers/feedback-fixtures';
import { storeResponses } from '../helpers/store-responses';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

const MARCH = 'survey=sipas-2017&from=2026-03-01&to=2026-03-31';
const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T03:00:00Z`;

describe.each(dialects)('themes of suggestions on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-05-04T02:00:00Z') });
    admin = await signIn(t, 'root', 'admin');
    await storeResponses(t, [
      // CB-01 (MC-Q1): five responses in March, so their words may be shown.
      { unit: 'MC-Q1', official: 'CB-01', submittedAt: at(2), answers: { access_seats: 1, suggestion: 'Phải chờ đợi quá lâu, gọi 0912 345 678' } },
      { unit: 'MC-Q1', official: 'CB-01', submittedAt: at(3), answers: { access_seats: 2, suggestion: 'XẾP HÀNG từ sáng' } },
      { unit: 'MC-Q1', official: 'CB-01', submittedAt: at(4), answers: { access_seats: 5, suggestion: 'Cán bộ rất nhiệt tình' } },
      { unit: 'MC-Q1', official: 'CB-01', submittedAt: at(5), answers: { access_seats: 5, suggestion: 'can bo nhiet tinh, chu dao' } },
      { unit: 'MC-Q1', official: 'CB-01', submittedAt: at(6), answers: { access_seats: 4 } },
      // CB-03 (MC-Q2): four responses, so none of their texts may ever be shown.
      { unit: 'MC-Q2', official: 'CB-03', submittedAt: at(7), answers: { access_seats: 1, suggestion: 'Bà Hoa ở quầy 3 thái độ cáu gắt, chờ lâu' } },
      { unit: 'MC-Q2', official: 'CB-03', submittedAt: at(8), answers: { access_seats: 2, suggestion: 'Quầy 3 bắt chờ đợi cả buổi' } },
      { unit: 'MC-Q2', official: 'CB-03', submittedAt: at(9), answers: { access_seats: 3 } },
      { unit: 'MC-Q2', official: 'CB-03', submittedAt: at(10), answers: { access_seats: 3 } },
      // No official: a text with an e-mail address, and one in another unit.
      { unit: 'MC-Q1', submittedAt: at(11), answers: { access_seats: 4, suggestion: 'Xep hang lau qua, viet cho an.nguyen@example.vn' } },
      { unit: 'TTCK', submittedAt: at(12), answers: { access_seats: 2, suggestion: 'Giấy tờ rườm rà' } },
      // February, the previous period: one text, about waiting.
      { unit: 'MC-Q1', submittedAt: '2026-02-10T03:00:00Z', answers: { access_seats: 3, suggestion: 'chờ đợi lâu' } },
    ]);
  });
  afterEach(() => t.close());

  const get = (query: string, who: SignedIn = admin) => t.call('GET', `/api/staff/themes?${query}`, undefined, who.headers);
  const theme = (body: any, id: string) => body.themes.find((x: { id: string }) => x.id === id);
  const allExamples = (body: any): string[] => body.themes.flatMap((x: any) => x.examples.map((e: any) => e.text));

  it('counts each theme, compares with the period before and with the texts without it', async () => {
    const res = await get(`${MARCH}&unit=MC`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ withheld: false, texts: 7, previous: { from: '2026-02-01', to: '2026-02-28', texts: 1 } });
    // Waiting: 2 of CB-01's, both of CB-03's, the one without an official: 5 of 7.
    const waiting = theme(res.body, 'waiting');
    expect(waiting).toMatchObject({ texts: 5, share: 71.43, previous: { texts: 1, share: 100 }, change: -28.57 });
    // Dissatisfied (access_seats 1 or 2): 4 of the 5 with the theme, 0 of the 2 without.
    expect(waiting.withTheme).toMatchObject({ rated: 5, dissatisfied: 4, percent: 80 });
    expect(waiting.withoutTheme).toMatchObject({ rated: 2, dissatisfied: 0, percent: 0 });
    expect(waiting.withTheme.ci95[0]).toBeLessThan(80);
    expect(waiting.withTheme.ci95[1]).toBeGreaterThan(80);
    expect(theme(res.body, 'praise')).toMatchObject({ texts: 2, share: 28.57 });
    expect(theme(res.body, 'attitude')).toMatchObject({ texts: 1 });
    expect(theme(res.body, 'documents')).toMatchObject({ texts: 0, examples: [] }); // TTCK's text is outside MC
  });

  it('never shows the texts of an official with fewer than 5 responses, and masks phone numbers and e-mails', async () => {
    const res = await get(`${MARCH}&unit=MC`);
    const texts = allExamples(res.body);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((x) => x.includes('Quầy 3'))).toEqual([]);
    expect(theme(res.body, 'attitude').examples).toEqual([]); // its only text is CB-03's
    expect(texts).toContain('Phải chờ đợi quá lâu, gọi […]');
    expect(texts).toContain('Xep hang lau qua, viet cho […]');
    expect(texts.join(' ')).not.toMatch(/0912|example\.vn/);

    // Asked about CB-03 alone: no figure and no text at all.
    const few = await get(`${MARCH}&official=CB-03`);
    expect(few.status).toBe(200);
    expect(few.body).toMatchObject({ withheld: true, withheldReason: 'few_responses', themes: [] });
    expect(JSON.stringify(few.body)).not.toContain('Quầy');
  });

  it('writes the same figures and examples to the "Chủ đề" sheet of the XLSX, under the same withholding', async () => {
    const res = await t.app.request(`/api/exports/scores.xlsx?${MARCH}&unit=MC`, { headers: admin.headers });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Chủ đề')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const waiting = rows.find((r) => r[0] === 'Chờ đợi, xếp hàng' && typeof r[1] === 'number')!;
    expect(waiting.slice(0, 6)).toEqual([ 'Chờ đợi, xếp hàng', 5, 0.7143, 1, -28.57, 0.8]);
    const text = rows.flat().filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain('Phải chờ đợi quá lâu, gọi […] (02/03/2026)');
    expect(text).not.toContain('Quầy 3');
    expect(text).not.toContain('0912');

    const few = await t.app.request(`/api/exports/scores.xlsx?${MARCH}&official=CB-03`, { headers: admin.headers });
    const fewBook = new ExcelJS.Workbook();
    await fewBook.xlsx.load(await few.arrayBuffer());
    const fewText: string[] = [];
    fewBook.getWorksheet('Chủ đề')!.eachRow((row) => fewText.push(String(row.getCell(1).value)));
    expect(fewText.join('\n')).toContain('Chủ đề được ẩn');
    expect(fewText.join('\n')).not.toContain('Quầy');
  });

  it('tags feedback items on arrival and files them with their unit', async () => {
    expect((await t.call('POST', '/api/feedback', feedbackItem({ unit: 'MC-Q2', text: 'Nộp hồ sơ trực tuyến bị lỗi hệ thống' }))).status).toBe(201);
    const may = await get('survey=sipas-2017&from=2026-05-01&to=2026-05-31&unit=MC');
    expect(may.body.texts).toBe(1);
    expect(theme(may.body, 'online')).toMatchObject({ texts: 1, withTheme: { rated: 0, percent: null } });
    expect(theme(may.body, 'online').examples[0]).toMatchObject({ source: 'feedback', date: '2026-05-04' });
    // Feedback names no official: asking about one leaves it out.
    expect((await get('survey=sipas-2017&from=2026-05-01&to=2026-05-31&official=CB-01')).body.texts).toBe(0);
  });

  it('re-tags every text when an admin edits the lexicon, and audits the edit', async () => {
    const lexicon = structuredClone(shippedLexicon());
    // "chờ đợi" and "xếp hàng" no longer signal waiting; a new theme about counters does.
    const waiting = lexicon.themes.find((x) => x.id === 'waiting')!;
    waiting.phrases = ['chờ lâu'];
    lexicon.themes.push({ id: 'counters', label: { vi: 'Quầy', en: 'Counters' }, phrases: [{ text: 'quầy', tones: 'exact' }] });
    const put = await t.call('PUT', '/api/staff/themes/lexicon', { lexicon }, admin.headers);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ revision: 2, updatedBy: 'root', retagged: 9 });

    const res = await get(`${MARCH}&unit=MC`);
    expect(res.body.revision).toBe(2);
    expect(theme(res.body, 'waiting').texts).toBe(1); // CB-03's "chờ lâu" only
    expect(theme(res.body, 'counters').texts).toBe(2);
    expect(theme(res.body, 'counters').examples).toEqual([]); // both CB-03's
    expect((await t.call('GET', '/api/staff/themes/lexicon', undefined, admin.headers)).body.lexicon.themes.at(-1).id).toBe('counters');
    const audit = await t.database.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'themes.lexicon').execute();
    expect(audit).toHaveLength(1);

    // A lexicon that does not pass the schema changes nothing.
    const bad = await t.call('PUT', '/api/staff/themes/lexicon', { lexicon: { version: 1, themes: [{ id: 'Bad Id', label: { vi: '', en: 'x' }, phrases: [] }] } }, admin.headers);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    expect((await get(`${MARCH}&unit=MC`)).body.revision).toBe(2);
  });

  it('keeps staff\'s own choices on one text through re-tagging', async () => {
    const lan = await signIn(t, 'lan', 'manager', 'MC');
    const before = await get(`${MARCH}&unit=MC`, lan);
    const example = theme(before.body, 'praise').examples.find((e: any) => e.text === 'Cán bộ rất nhiệt tình');
    const path = `/api/staff/themes/texts/${example.id}`;
    expect((await t.call('GET', path, undefined, lan.headers)).body.themes).toEqual([{ theme: 'praise', origin: 'automatic' }]);

    expect((await t.call('DELETE', `${path}/themes/praise`, undefined, lan.headers)).status).toBe(200);
    const added = await t.call('PUT', `${path}/themes/attitude`, undefined, lan.headers);
    expect(added.status).toBe(200);
    expect(added.body.themes).toEqual([{ theme: 'attitude', origin: 'manual' }]);
    expect((await t.call('PUT', `${path}/themes/nonsense`, undefined, lan.headers)).body.error.code).toBe('unknown_theme');

    // Re-tagging with the same lexicon: the automatic "praise" does not come back.
    expect((await t.call('PUT', '/api/staff/themes/lexicon', { lexicon: shippedLexicon() }, admin.headers)).status).toBe(200);
    expect((await t.call('GET', path, undefined, lan.headers)).body.themes).toEqual([{ theme: 'attitude', origin: 'manual' }]);
    const after = await get(`${MARCH}&unit=MC`, lan);
    expect(theme(after.body, 'praise').texts).toBe(1);
    expect(theme(after.body, 'attitude').texts).toBe(2);
    const audit = await t.database.handle.db.selectFrom('audit_log').select('action').where('action', 'like', 'themes.text.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['themes.text.add', 'themes.text.remove']);
  });

  it('tags the texts stored before themes existed on the first start with them, once', async () => {
    const db = t.database.handle.db;
    expect((await t.call('POST', '/api/feedback', feedbackItem({ unit: 'MC-Q2', text: 'Cần thêm ghế ngồi ở phòng chờ' }))).status).toBe(201);
    // As a database from before the themes migration: no lexicon, no texts, no tags.
    await db.deleteFrom('text_themes').execute();
    await db.deleteFrom('theme_texts').execute();
    await db.deleteFrom('theme_lexicon').execute();
    expect(await seedThemes(db, t.database.surveys, t.clock.now)).toBe(10); // 9 suggestions and the item
    expect(await seedThemes(db, t.database.surveys, t.clock.now)).toBe(0);
    const res = await get(`${MARCH}&unit=MC`);
    expect(res.body).toMatchObject({ revision: 1, texts: 7 });
    expect(theme(res.body, 'waiting').texts).toBe(5);
    expect(theme((await get('survey=sipas-2017&from=2026-05-01&to=2026-05-31')).body, 'facilities').texts).toBe(1);
  });

  it('keeps each staff member within their units (the attack, carried out)', async () => {
    const tuan = await signIn(t, 'tuan', 'manager', 'TTCK');
    const hoa = await signIn(t, 'hoa', 'viewer', 'MC');
    const lan = await signIn(t, 'lan', 'manager', 'MC');
    const mcText = theme((await get(`${MARCH}&unit=MC`)).body, 'praise').examples[0].id;

    const figures = await get(`${MARCH}&unit=MC`, tuan);
    expect(figures.status).toBe(403);
    expect(figures.body.error.code).toBe('forbidden_unit');
    // Without a unit, TTCK's manager gets TTCK's texts only.
    const own = await get(MARCH, tuan);
    expect(own.body.texts).toBe(1);
    expect(allExamples(own.body)).toEqual(['Giấy tờ rườm rà']);
    // MC's text by id: not found for them, read or changed.
    for (const [method, path] of [['GET', `/api/staff/themes/texts/${mcText}`], ['PUT', `/api/staff/themes/texts/${mcText}/themes/waiting`], ['DELETE', `/api/staff/themes/texts/${mcText}/themes/praise`]] as const) {
      const res = await t.call(method, path, undefined, tuan.headers);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('unknown_text');
    }
    expect((await t.call('GET', `/api/staff/themes/texts/${mcText}`, undefined, admin.headers)).body.themes).toEqual([{ theme: 'praise', origin: 'automatic' }]);
    // A viewer may read but not change; only admins see or edit the lexicon.
    expect((await t.call('PUT', `/api/staff/themes/texts/${mcText}/themes/waiting`, undefined, hoa.headers)).status).toBe(403);
    expect((await t.call('GET', '/api/staff/themes/lexicon', undefined, lan.headers)).status).toBe(403);
    expect((await t.call('PUT', '/api/staff/themes/lexicon', { lexicon: shippedLexicon() }, lan.headers)).status).toBe(403);
    // A change without the CSRF token is refused.
    expect((await t.call('PUT', `/api/staff/themes/texts/${mcText}/themes/waiting`, undefined, { cookie: lan.headers.cookie! })).status).toBe(403);
    expect((await t.call('GET', `/api/staff/themes?${MARCH}`)).status).toBe(401);
  });
});

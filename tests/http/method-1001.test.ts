import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { storeResponses } from '../helpers/store-responses';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

// The shipped sipas-2023 questionnaire (Decision 1001): answered on paper and scored with its two
// contents, its assessments as shares and its expectations ranked, figures computed by hand.
const APRIL = 'survey=sipas-2023&from=2026-04-01&to=2026-04-30';

describe.each(dialects)('the sipas-2023 questionnaire on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-05-04T03:00:00Z') });
    admin = await signIn(t, 'root', 'admin');
  });
  afterEach(() => t.close());
  const post = (answers: Record<string, unknown>) =>
    t.call('POST', '/api/responses', { id: randomUUID(), surveyId: 'sipas-2023', channel: 'paper', unit: 'MC-Q1', submittedAt: '2026-04-10T03:00:00Z', answers }, admin.headers);

  it('asks the harassment follow-up only after a "yes", and refuses it otherwise without storing anything', async () => {
    const refused = await post({ svc_off_polite: 5, as_harassed: 'no', as_harassed_how: ['rude'] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([expect.objectContaining({ path: 'answers.as_harassed_how', code: 'not_asked' })]);
    expect((await t.call('GET', `/api/scores?${APRIL}`, undefined, admin.headers)).body.responses).toBe(0);
    expect((await post({ svc_off_polite: 5, as_harassed: 'yes', as_harassed_how: ['rude', 'delay'] })).status).toBe(201);
  });

  it('scores both contents, the shares of an assessment and the ranking of expectations', async () => {
    // 4 people. Policy: pol_acc_explain 3 of 4 satisfied (75 %), the other policy items unanswered
    // → policy 75 %. Services: svc_off_polite 4 of 4 (100 %), svc_res_on_time 2 of 4 (50 %); the
    // elements without answers are left out → services (100 + 50) / 2 = 75; overall (75 + 75) / 2.
    const person = (i: number) => ({
      pol_acc_explain: i < 3 ? 4 : 2,
      svc_off_polite: 5,
      svc_res_on_time: i < 2 ? 4 : 1,
      as_paid_outside: i === 0 ? 'yes' : 'no',
      exp_online: i < 3 ? 'very_much' : 'little',
      exp_fees: i < 1 ? 'much' : 'little',
      exp_time: 'much',
    });
    await storeResponses(t, [0, 1, 2, 3].map((i) => ({ surveyId: 'sipas-2023', unit: 'MC-Q1', channel: 'paper', submittedAt: '2026-04-1' + i + 'T03:00:00Z', answers: person(i) })));
    const res = await t.call('GET', `/api/scores?${APRIL}`, undefined, admin.headers);
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.responses).toBe(4);
    expect(r.groups.map((g: { id: string; index: number }) => [g.id, g.index])).toEqual([['policy', 75], ['services', 75]]);
    expect(r.overall.index).toBe(75);
    const paid = r.assessments.find((a: { id: string }) => a.id === 'as_paid_outside');
    expect(paid.n).toBe(4);
    expect(paid.options.map((o: { id: string; count: number; share: number }) => [o.id, o.count, o.share])).toEqual([['yes', 1, 25], ['no', 3, 75]]);
    // Unasked assessments are there with no answers, never as 0 %.
    expect(r.assessments.find((a: { id: string }) => a.id === 'as_harassed').options[0].share).toBeNull();
    // Shortening handling time: 4 of 4; online: 3 of 4; fees: 1 of 4; the rest unanswered, unranked.
    expect(r.expectations.slice(0, 3).map((e: { id: string; share: number; rank: number }) => [e.id, e.share, e.rank])).toEqual([
      ['exp_time', 100, 1],
      ['exp_online', 75, 2],
      ['exp_fees', 25, 3],
    ]);
    expect(r.expectations.slice(3).every((e: { rank: number | null; n: number }) => e.rank === null && e.n === 0)).toBe(true);

    // The XLSX carries the same figures on a sheet of their own, after the indices.
    const xlsx = await t.app.request(`/api/exports/scores.xlsx?${APRIL}`, { headers: admin.headers });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['Chỉ số', 'Nhận định, mong đợi']);
    const rows: unknown[][] = [];
    book.getWorksheet('Nhận định, mong đợi')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const find = (first: unknown) => rows.find((row) => row[0] === first);
    expect(find('policy')!.slice(2, 4)).toEqual([4, 0.75]);
    const paidAt = rows.findIndex((row) => row[0] === 'as_paid_outside');
    expect(rows[paidAt]![1]).toBe('Ông/Bà có phải chi thêm khoản tiền nào ngoài phí, lệ phí theo quy định không? (n = 4)');
    expect(rows[paidAt + 1]!.slice(0, 4)).toEqual(['yes', 'Có', 1, 0.25]);
    expect(find(1)!.slice(1, 4)).toEqual(['Mức độ Ông/Bà mong muốn cải thiện: rút ngắn thời gian giải quyết', 4, 1]);

    // The printed report: the contents before the elements, then the assessments and the ranking.
    const page = await (await t.app.request(`/staff/report?${APRIL}`, { headers: admin.headers })).text();
    const headings = [...page.matchAll(/<h2 id="h-([a-z-]+)">/g)].map((m) => m[1]);
    expect(headings.slice(0, 5)).toEqual(['groups', 'elements', 'criteria', 'assessments', 'expectations']);
    expect(page).toContain('<tr><td>Cung ứng dịch vụ hành chính công</td><td class="num">8</td><td class="num">75,00%');
    expect(page).toMatch(/<tr><td class="num">1<\/td><td>Mức độ Ông\/Bà mong muốn cải thiện: rút ngắn thời gian giải quyết<\/td><td class="num">4<\/td><td class="num">100,00%/);
  });
});

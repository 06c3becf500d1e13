import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCriteria } from '../../survey-defs/criteria';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { storeResponses } from '../helpers/store-responses';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

// Published results: only units an admin opted in, withheld below 5 forms, small samples marked
// and never ranked, nothing per official. Figures by hand below.
describe.each(dialects)('published results on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-05-20T03:00:00Z') });
    admin = await signIn(t, 'root', 'admin');
    const criteria = listCriteria(t.database.surveys.get('sipas-2017')!).map((c) => c.id);
    const all = (value: number) => Object.fromEntries(criteria.map((id) => [id, value]));
    const at = (i: number) => new Date(Date.parse('2026-02-02T02:00:00Z') + i * 86_400_000).toISOString();
    await storeResponses(t, [
      // QLDT: 40 forms answering every criterion, 30 of them "very satisfied": 75% everywhere, a full sample.
      ...Array.from({ length: 40 }, (_, i) => ({ unit: 'QLDT', official: 'CB-05', submittedAt: at(i), answers: all(i % 4 ? 5 : 2) })),
      // TTCK: 10 forms about the seats only: a small sample.
      ...Array.from({ length: 10 }, (_, i) => ({ unit: 'TTCK', submittedAt: at(i), answers: { access_seats: 5 } })),
      // DNLD: 3 forms: withheld.
      ...Array.from({ length: 3 }, (_, i) => ({ unit: 'DNLD', official: 'CB-06', submittedAt: at(i), answers: all(1) })),
    ]);
  });
  afterEach(() => t.close());

  const results = async () => {
    const res = await t.call('GET', '/api/public/results');
    expect(res.status).toBe(200);
    return res.body;
  };
  const publish = (unit: string, published: boolean, who = admin) => t.call('PUT', `/api/result-publications/${unit}`, { published }, who.headers);
  const q1 = (body: any, unit: string) => body.units.find((u: { code: string }) => u.code === unit).results.find((r: { period: string }) => r.period === '2026-Q1');

  it('shows only the units an admin opted in: the demo publishes its top unit', async () => {
    const before = await results();
    expect(before.units.map((u: { code: string }) => u.code)).toEqual(['BQL']);
    expect(before.periods.map((p: { key: string; partial: boolean }) => `${p.key}${p.partial ? '…' : ''}`)).toEqual(['2026…', '2025', '2026-Q2…', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1']);
    for (const unit of ['QLDT', 'TTCK', 'DNLD']) expect((await publish(unit, true)).status).toBe(200);
    expect((await results()).units.map((u: { code: string }) => u.code)).toEqual(['BQL', 'QLDT', 'DNLD', 'TTCK']);
    expect((await publish('DNLD', false)).status).toBe(200);
    expect((await results()).units.map((u: { code: string }) => u.code)).toEqual(['BQL', 'QLDT', 'TTCK']);
    const log = (await t.call('GET', '/api/staff/audit', undefined, admin.headers)).body as { action: string; target: string }[];
    expect(log.filter((e) => e.action.startsWith('results.')).map((e) => `${e.action} ${e.target}`).sort()).toEqual(['results.publish DNLD', 'results.publish QLDT', 'results.publish TTCK', 'results.withdraw DNLD']);
  });

  it('withholds periods under 5 forms, marks small samples and ranks only full samples', async () => {
    for (const unit of ['QLDT', 'TTCK', 'DNLD']) await publish(unit, true);
    const body = await results();
    expect(q1(body, 'DNLD')).toEqual({ period: '2026-Q1', responses: 3, withheld: true, overall: null, elements: [], rank: null });
    expect(q1(body, 'TTCK')).toMatchObject({ responses: 10, withheld: false, overall: { index: 100, smallSample: true }, rank: null });
    expect(q1(body, 'QLDT')).toMatchObject({ responses: 40, overall: { index: 75, smallSample: false, n: 880 }, rank: 1 });
    expect(q1(body, 'QLDT').elements.map((e: { id: string; index: number; n: number }) => [e.id, e.index, e.n])).toEqual([
      ['access', 75, 160], ['procedure', 75, 200], ['official', 75, 240], ['result', 75, 120], ['feedback', 75, 160],
    ]);
    // BQL holds all 53 forms: seats 40 of 53 satisfied (75.472%), every other criterion 30 of 43 (69.767%);
    // access = (75.472 + 3 × 69.767) / 4 = 71.194; SIPAS = (71.194 + 4 × 69.767) / 5 = 70.053.
    expect(q1(body, 'BQL')).toMatchObject({ responses: 53, overall: { index: 70.05, smallSample: false }, rank: 2 });
    expect(q1(body, 'BQL').overall.ci95[0]).toBeLessThan(70.05);
    // The year so far holds the same forms; the quarter in progress has none.
    expect(body.units[1].results[0]).toMatchObject({ period: '2026', responses: 40, rank: 1 });
    expect(body.units[1].results[2]).toMatchObject({ period: '2026-Q2', responses: 0, withheld: true });
  });

  it('never shows a figure per official or per criterion, and takes no filter that would', async () => {
    for (const unit of ['QLDT', 'DNLD']) await publish(unit, true);
    const text = JSON.stringify(await results());
    expect(text).not.toMatch(/CB-0|official_code|"criteria"|"officials"/);
    for (const query of ['official=CB-02', 'unit=QLDT', 'by=official', 'includeFlagged=1']) expect((await t.call('GET', `/api/public/results?${query}`)).status, query).toBe(400);
    expect((await t.call('GET', '/api/public/results?survey=nope')).status).toBe(404);
  });

  it('lets only admins opt units in, and never a single counter', async () => {
    const manager = await signIn(t, 'lan', 'manager', 'BQL');
    const viewer = await signIn(t, 'hoa', 'viewer', 'BQL');
    expect((await publish('QLDT', true, manager)).status).toBe(403);
    expect((await publish('QLDT', true, viewer)).status).toBe(403);
    expect((await t.call('PUT', '/api/result-publications/QLDT', { published: true })).status).toBe(401);
    expect((await t.call('PUT', '/api/result-publications/QLDT', { published: true }, { cookie: admin.headers.cookie! })).status).toBe(403); // no CSRF token
    expect((await publish('NOPE', true)).status).toBe(404);
    expect((await t.call('PUT', '/api/result-publications/QLDT', { published: 'yes' }, admin.headers)).status).toBe(400);
    const desk = await publish('MC-Q1', true);
    expect([desk.status, desk.body.error.code]).toEqual([409, 'counter_not_publishable']);
    expect((await publish('MC', true)).status).toBe(200); // the one-stop department with two counters
    expect((await results()).units.map((u: { code: string }) => u.code)).toEqual(['BQL', 'MC']);
    const list = (await t.call('GET', '/api/result-publications', undefined, admin.headers)).body as { code: string; published: boolean; publishable: boolean }[];
    expect(list.filter((u) => u.published).map((u) => u.code)).toEqual(['BQL', 'MC']);
    expect(list.find((u) => u.code === 'MC-Q2')!.publishable).toBe(false);
  });

  it('renders /ket-qua without script, cacheable, with the marks and the link to published answers', async () => {
    for (const unit of ['QLDT', 'TTCK', 'DNLD']) await publish(unit, true);
    const res = await t.app.request('/ket-qua');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const page = await res.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Phòng Quản lý Đầu tư');
    expect(page).toContain('Chưa công bố (dưới 5 phiếu)');
    expect(page).toContain('100,00% *');
    expect(page).toContain('href="/gop-y/cong-khai?unit=QLDT"');
    expect(page).not.toMatch(/<script|\sstyle=/);
    expect(await (await t.app.request('/ket-qua?lang=en')).text()).toContain('<html lang="en">');
    expect((await t.app.request('/ket-qua?lang=xx')).status).toBe(400);
  });
});

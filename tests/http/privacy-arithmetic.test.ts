import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { storeResponses, type StoredInput } from '../helpers/store-responses';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

// The attacks of issue 10, carried out by a viewer: each one read a withheld official's answers,
// or one person's rating, before the change.
const MARCH = 'survey=counter-quick&from=2026-03-01&to=2026-03-31';
type Levels = Record<string, number>;

describe.each(dialects)('privacy that survives arithmetic on %s', (dialect) => {
  let t: TestApp;
  let viewer: SignedIn;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-05-04T03:00:00Z') });
    // Counter 1 in March: CB-01 had 3 visitors, all dissatisfied; CB-02 had 12, all very
    // satisfied; 4 answers name no official. Counter 2: CB-03 had 9.
    const march = (day: number) => `2026-03-${String(day).padStart(2, '0')}T03:00:00Z`;
    const rows: StoredInput[] = [
      ...[1, 2, 3].map((d) => ({ unit: 'MC-Q1', official: 'CB-01', submittedAt: march(d + 10), answers: { overall: 1 } })),
      ...Array.from({ length: 12 }, (_, i) => ({ unit: 'MC-Q1', official: 'CB-02', submittedAt: march(i + 1), answers: { overall: 3 } })),
      ...Array.from({ length: 4 }, (_, i) => ({ unit: 'MC-Q1', submittedAt: march(i + 1), answers: { overall: 2 } })),
      ...Array.from({ length: 9 }, (_, i) => ({ unit: 'MC-Q2', official: 'CB-03', submittedAt: march(i + 1), answers: { overall: 2 } })),
    ];
    await storeResponses(t, rows.map((r) => ({ ...r, surveyId: 'counter-quick' })));
    viewer = await signIn(t, 'hoa', 'viewer', 'MC');
    admin = await signIn(t, 'root', 'admin');
  });
  afterEach(() => t.close());
  const get = (query: string, who = viewer) => t.call('GET', `/api/scores?${query}`, undefined, who.headers);
  const levels = (card: { criteria: { levels: Levels }[] }): Levels => card.criteria[0]?.levels ?? {};
  const minus = (a: Levels, ...bs: Levels[]) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, bs.reduce((s, b) => s - (b[k] ?? 0), v)]));

  it('does not let a viewer subtract the other officials from the unit\'s total', async () => {
    const unit = await get(`${MARCH}&unit=MC-Q1&by=official`);
    const rows = unit.body.breakdowns[0].rows as { key: string; withheld: boolean; withheldReason?: string; responses: number; criteria: { levels: Levels }[] }[];
    expect(rows.map((r) => [r.key, r.withheld, r.withheldReason ?? null])).toEqual([
      ['CB-01', true, 'few_responses'],
      ['CB-02', true, 'complement'],
      ['', false, null],
    ]);
    // What is left after subtracting everything published is CB-01 and CB-02 together: 15 answers.
    const left = minus(levels(unit.body), ...rows.filter((r) => !r.withheld).map(levels));
    expect(left).toEqual({ 1: 3, 2: 0, 3: 12 });
    expect(left).not.toEqual({ 1: 3, 2: 0, 3: 0 });
    // Asked one by one, the officials get the same answer: no query shows CB-02 to subtract.
    expect((await get(`${MARCH}&official=CB-02`)).body).toMatchObject({ withheld: true, withheldReason: 'complement', criteria: [] });
    expect((await get(`${MARCH}&official=CB-01`)).body).toMatchObject({ withheld: true, withheldReason: 'few_responses' });
    expect((await get(`${MARCH}&unit=MC&by=official`)).body.breakdowns[0].rows.map((r: { key: string; withheld: boolean }) => [r.key, r.withheld])).toEqual([
      ['CB-01', true],
      ['CB-02', true],
      ['CB-03', false],
      ['', false],
    ]);
  });

  it('gives no per-official figure for ranges that differ by a day, or for a month still running', async () => {
    for (const to of ['2026-03-10', '2026-03-11', '2026-03-30']) {
      expect((await get(`survey=counter-quick&from=2026-03-01&to=${to}&official=CB-03`)).body).toMatchObject({ withheld: true, withheldReason: 'not_whole_period' });
      const table = (await get(`survey=counter-quick&from=2026-03-01&to=${to}&unit=MC&by=official`)).body.breakdowns[0].rows;
      expect(table.filter((r: { key: string; withheld: boolean }) => r.key !== '' && !r.withheld)).toEqual([]);
    }
    expect((await get('survey=counter-quick&from=2026-05-01&to=2026-05-31&official=CB-03')).body.withheldReason).toBe('period_not_ended');
    // A whole month that has ended: shown. Its days are not.
    const month = await get(`${MARCH}&official=CB-03&by=day,month,procedure`);
    expect(month.body).toMatchObject({ withheld: false, responses: 9 });
    const [days, months, procedures] = month.body.breakdowns;
    expect(days.rows.every((r: { withheld: boolean; responses: number }) => r.withheld || r.responses === 0)).toBe(true);
    expect(months.rows.map((r: { key: string; withheld: boolean }) => [r.key, r.withheld])).toEqual([['2026-03', false]]);
    expect(procedures.rows.every((r: { withheldReason: string }) => r.withheldReason === 'filtered')).toBe(true);
    // Filters that cut an official's figure into pieces withhold it.
    for (const extra of ['channel=kiosk', 'procedure=DT-01', 'includeFlagged=1', 'includeUnverified=1']) {
      expect((await get(`${MARCH}&official=CB-03&${extra}`)).body.withheldReason).toBe('filtered');
    }
  });

  it('keeps suggestions of a withheld official hidden, like the figures', async () => {
    const res = await t.call('GET', `/api/scores/suggestions?${MARCH}&official=CB-02`, undefined, viewer.headers);
    expect(res.body).toEqual({ withheld: true, withheldReason: 'complement', suggestions: [] });
  });

  it('leaves the official and the exact time out of raw exports, and gives them only to an admin who asks, audited', async () => {
    const csv = await (await t.app.request(`/api/exports/responses.csv?${MARCH}`, { headers: viewer.headers })).text();
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    expect(header).not.toContain('official');
    expect(header).not.toContain('submitted_at');
    expect(header).toContain('local_date');
    expect(csv).not.toContain('CB-01');
    expect(csv).not.toMatch(/T03:00:00/);
    // One official's rows, even without the column, are that official's answers one by one.
    expect((await t.call('GET', `/api/exports/responses.csv?${MARCH}&official=CB-01`, undefined, viewer.headers)).body.error.code).toBe('official_filter_admin_only');
    expect((await t.call('GET', `/api/exports/responses.csv?${MARCH}&detail=1`, undefined, viewer.headers)).body.error.code).toBe('detail_admin_only');
    const xlsx = await t.app.request(`/api/exports/scores.xlsx?${MARCH}&official=CB-01`, { headers: viewer.headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name).some((n) => /phiếu|responses/i.test(n) && !/chỉ số/i.test(n))).toBe(false);

    const detailed = await (await t.app.request(`/api/exports/responses.csv?${MARCH}&official=CB-01&detail=1`, { headers: admin.headers })).text();
    expect(detailed.split('\r\n')[0]).toContain('official');
    expect(detailed.split('\r\n')[0]).toContain('submitted_at');
    expect(detailed.match(/CB-01/g)).toHaveLength(3);
    const audit = await t.database.handle.db.selectFrom('audit_log').select(['actor', 'details']).where('action', '=', 'export.csv').execute();
    expect(audit.map((a) => [a.actor, JSON.parse(a.details).rawRows])).toEqual([['hoa', 'anonymous'], ['root', 'detailed']]);
  });

  it('shows no dossier\'s rating beside its cell: small, running or partial cells of ratings are withheld', async () => {
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    t.clock.now = new Date('2026-03-12T03:00:00Z');
    // One dossier of LD-01 returned at counter 2 on 12 March, rated dissatisfied by its owner.
    const one = (await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q2', procedure: 'LD-01', returnedAt: '2026-03-12T02:00:00Z', dueAt: '2026-03-20' }), headers)).body;
    expect((await t.call('POST', `/api/invitation-tokens/${one.token}/responses`, { id: crypto.randomUUID(), surveyId: 'counter-quick', answers: { overall: 1 } })).status).toBe(201);
    t.clock.now = new Date('2026-05-04T03:00:00Z');
    const staff = await signIn(t, 'lan', 'manager', 'MC');
    for (const query of ['unit=MC-Q2&from=2026-03-12&to=2026-03-12&period=day', 'unit=MC-Q2&from=2026-03-01&to=2026-03-31&period=month', 'unit=MC-Q2&procedure=LD-01&from=2026-03-01&to=2026-03-31&period=month', 'unit=MC&from=2026-03-01&to=2026-03-31&period=month']) {
      const res = await t.call('GET', `/api/dossier-figures?${query}`, undefined, staff.headers);
      expect(res.status, query).toBe(200);
      for (const cell of [res.body.total, ...res.body.periods]) {
        expect(cell.dossiers === 0 || cell.ratingsWithheld !== null, query).toBe(true);
        if (cell.ratingsWithheld) expect(cell).toMatchObject({ rated: null, dissatisfied: null, handlingSatisfaction: { percent: null } });
      }
    }
    // The dossier's timing is no rating: it stays.
    const day = await t.call('GET', '/api/dossier-figures?unit=MC-Q2&from=2026-03-12&to=2026-03-12&period=day', undefined, staff.headers);
    expect(day.body.total).toMatchObject({ dossiers: 1, onTime: 1 });
  });
});

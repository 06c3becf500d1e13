import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareResponse } from '../../server/responses/prepare-response';
import { storeResponses } from '../../server/repos/responses';
import { storeResponse } from '../helpers/store-responses';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

const MARCH = 'survey=sipas-2017&from=2026-03-01&to=2026-03-31';

describe.each(dialects)('GET /api/scores on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-05-04T02:00:00Z') });
    admin = await signIn(t, 'root', 'admin');
    // The fixture (hand-computed below): three responses to MC's counters in March, one to TTCK,
    // and one at 00:30 on 1 April in Vietnam (still 31 March in UTC).
    await storeResponse(t, { unit: 'MC-Q1', official: 'CB-01', procedure: 'DT-01', channel: 'kiosk', submittedAt: '2026-03-02T03:00:00Z', answers: { access_seats: 5, off_polite: 4, gender: 'male', suggestion: 'Cần thêm ghế chờ' } });
    await storeResponse(t, { unit: 'MC-Q1', official: 'CB-01', procedure: 'DT-01', channel: 'qr', submittedAt: '2026-03-10T03:00:00Z', answers: { access_seats: 3, off_polite: 0, gender: 'female' } });
    await storeResponse(t, { unit: 'MC-Q2', official: 'CB-03', procedure: 'LD-01', channel: 'kiosk', submittedAt: '2026-03-31T16:00:00Z', answers: { access_seats: 4, off_polite: 2, gender: 'female' } });
    await storeResponse(t, { unit: 'TTCK', official: 'CB-08', channel: 'kiosk', submittedAt: '2026-03-15T03:00:00Z', answers: { access_seats: 1, off_polite: 1 } });
    await storeResponse(t, { unit: 'MC-Q2', official: 'CB-03', channel: 'kiosk', submittedAt: '2026-03-31T17:30:00Z', answers: { access_seats: 5 } });
  });
  afterEach(() => t.close());

  const get = (query: string, who: SignedIn = admin) => t.call('GET', `/api/scores?${query}`, undefined, who.headers);
  const criterion = (body: any, id: string) => body.criteria.find((c: { id: string }) => c.id === id);
  const element = (body: any, id: string) => body.elements.find((e: { id: string }) => e.id === id);

  it('scores a unit with its sub-units over Vietnam dates, both ends inclusive', async () => {
    const res = await get(`${MARCH}&unit=MC`);
    expect(res.status).toBe(200);
    expect(res.body.responses).toBe(3);
    // access_seats 5, 3, 4: 2 of 3 satisfied; off_polite 4, (no opinion), 2: 1 of 2.
    expect(criterion(res.body, 'access_seats')).toMatchObject({ element: 'access', index: 66.67, mean: 4, n: 3, smallSample: true });
    expect(criterion(res.body, 'off_polite')).toMatchObject({ index: 50, mean: 3, n: 2, noOpinion: 1 });
    expect(criterion(res.body, 'access_seats').ci95).toEqual([20.77, 93.85]);
    expect(element(res.body, 'access')).toMatchObject({ index: 66.67, n: 3 });
    expect(element(res.body, 'official')).toMatchObject({ index: 50, n: 2 });
    expect(element(res.body, 'result')).toMatchObject({ index: null, n: 0 });
    expect(res.body.overall.index).toBe(58.33); // (66.67 + 50) / 2
    expect(res.body.targets).toEqual({ access: 90, procedure: 90, official: 90, result: 90, feedback: 90 });
  });

  it('files the response given at 00:30 on 1 April (Vietnam) under April', async () => {
    expect((await get('survey=sipas-2017&from=2026-04-01&to=2026-04-01')).body.responses).toBe(1);
    const whole = await get(MARCH);
    expect(whole.body.responses).toBe(4);
    expect(criterion(whole.body, 'access_seats')).toMatchObject({ index: 50, mean: 3.25, n: 4 });
    expect(criterion(whole.body, 'off_polite')).toMatchObject({ index: 33.33, mean: 2.33, n: 3 });
    expect(whole.body.overall.index).toBe(41.67);
  });

  it('breaks down by unit (rolled up), official (withheld under 5), channel, month and gender', async () => {
    const res = await get(`${MARCH}&unit=MC&by=unit,official,channel,month,gender`);
    expect(res.status).toBe(200);
    const rows = (by: string) => res.body.breakdowns.find((b: { by: string }) => b.by === by).rows;
    expect(rows('unit').map((r: any) => [r.key, r.depth, r.responses, r.overall.index])).toEqual([
      ['MC', 0, 3, 58.33],
      ['MC-Q1', 1, 2, 75], // access 5, 3 → 50; polite 4 → 100
      ['MC-Q2', 1, 1, 50], // access 4 → 100; polite 2 → 0
    ]);
    expect(rows('official').map((r: any) => [r.key, r.label.vi, r.responses, r.withheld, r.overall.index])).toEqual([
      ['CB-01', 'Hoàng Thị Lan', 2, true, null],
      ['CB-03', 'Lăng Thị Hoa', 1, true, null],
    ]);
    expect(rows('official')[0].criteria).toEqual([]);
    expect(rows('channel').map((r: any) => [r.key, r.responses])).toEqual([['kiosk', 2], ['qr', 1]]);
    expect(rows('month').map((r: any) => [r.key, r.from, r.to, r.responses])).toEqual([['2026-03', '2026-03-01', '2026-03-31', 3]]);
    const gender = rows('gender').map((r: any) => [r.key, r.label?.vi, r.responses, criterion(r, 'access_seats').index]);
    expect(gender).toEqual([['male', 'Nam', 1, 100], ['female', 'Nữ', 2, 50]]);
  });

  it('withholds a single official\'s figures below 5 responses, and shows them from 5', async () => {
    const few = await get(`${MARCH}&official=CB-01`);
    expect(few.body).toMatchObject({ responses: 2, withheld: true, overall: { index: null }, criteria: [] });
    for (let i = 0; i < 3; i++) await storeResponse(t, { unit: 'MC-Q1', official: 'CB-01', submittedAt: `2026-03-2${i}T03:00:00Z`, answers: { off_polite: 5 } });
    // Five now, but MC's March total minus CB-01 would leave CB-03's one answer (and the
    // organisation's, CB-03's and CB-08's two): CB-01 stays withheld to protect them.
    expect((await get(`${MARCH}&official=CB-01`)).body).toMatchObject({ responses: 5, withheld: true, withheldReason: 'complement' });
    // CB-03's lone April answer would follow from the year minus March: give April company too.
    for (const [unit, official, day] of [['MC-Q2', 'CB-03', '2026-03-1'], ['TTCK', 'CB-08', '2026-03-1'], ['MC-Q2', 'CB-03', '2026-04-1']]) {
      for (let i = 0; i < 4; i++) await storeResponse(t, { unit, official, submittedAt: `${day}${i}T03:00:00Z`, answers: { off_polite: 3 } });
    }
    const enough = await get(`${MARCH}&official=CB-01`);
    expect(enough.body).toMatchObject({ responses: 5, withheld: false });
    expect(criterion(enough.body, 'off_polite')).toMatchObject({ index: 100, n: 4 });
    expect((await t.call('GET', `/api/scores/suggestions?${MARCH}&official=CB-02`, undefined, admin.headers)).body).toEqual({ withheld: true, withheldReason: 'few_responses', suggestions: [] });
  });

  it('leaves flagged responses out unless asked, and says how many there were', async () => {
    const prepared = await prepareResponse(
      { db: t.database.handle.db, surveys: t.database.surveys, now: t.clock.now, proof: 'device' },
      { id: '6b1d3a52-52a4-4c41-9b7e-2a8f7f0c1d10', surveyId: 'sipas-2017', answers: { access_seats: 1 }, unit: 'MC-Q1', channel: 'kiosk', submittedAt: '2026-03-03T03:00:00Z' },
    );
    if (!prepared.ok) throw new Error('fixture');
    await t.database.handle.db.transaction().execute((trx) => storeResponses(trx, [{ ...prepared.response, flagged: true }]));
    const without = await get(`${MARCH}&unit=MC`);
    expect(without.body).toMatchObject({ responses: 3, flaggedResponses: 1 });
    expect(criterion(without.body, 'access_seats').n).toBe(3);
    const withFlagged = await get(`${MARCH}&unit=MC&includeFlagged=1`);
    expect(withFlagged.body).toMatchObject({ responses: 4, flaggedResponses: 1 });
    expect(criterion(withFlagged.body, 'access_seats')).toMatchObject({ n: 4, index: 50 });
  });

  it('lets a viewer of one unit read that subtree only', async () => {
    const viewer = await signIn(t, 'lan', 'viewer', 'MC-Q1');
    const own = await get(MARCH + '&by=unit', viewer);
    expect(own.status).toBe(200);
    expect(own.body.responses).toBe(2);
    expect(own.body.breakdowns[0].rows.map((r: { key: string }) => r.key)).toEqual(['MC-Q1']);
    for (const unit of ['TTCK', 'MC', 'BQL', 'MC-Q2', 'NO-SUCH-UNIT']) {
      const res = await get(`${MARCH}&unit=${unit}`, viewer);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden_unit');
    }
    // Filtering on another unit's official or procedure reveals nothing from outside the subtree.
    expect((await get(`${MARCH}&official=CB-08`, viewer)).body.responses).toBe(0);
    const suggestions = await t.call('GET', `/api/scores/suggestions?${MARCH}&unit=TTCK`, undefined, viewer.headers);
    expect(suggestions.status).toBe(403);
    const options = await t.call('GET', '/api/scores/options', undefined, viewer.headers);
    expect(options.body.units.map((u: { code: string }) => u.code)).toEqual(['MC-Q1']);
    expect(options.body.officials.map((o: { code: string }) => o.code)).toEqual(['CB-01', 'CB-02']);
    expect((await t.call('GET', `/api/scores?${MARCH}`)).status).toBe(401);
  });

  it('lists the latest suggestions, newest first, with the date only', async () => {
    await storeResponse(t, { unit: 'MC-Q2', submittedAt: '2026-03-20T03:00:00Z', answers: { suggestion: 'Nên có máy lấy số' } });
    const res = await t.call('GET', `/api/scores/suggestions?${MARCH}&unit=MC`, undefined, admin.headers);
    expect(res.body).toEqual({
      withheld: false,
      suggestions: [
        { date: '2026-03-20', unit: 'MC-Q2', question: 'suggestion', text: 'Nên có máy lấy số' },
        { date: '2026-03-02', unit: 'MC-Q1', question: 'suggestion', text: 'Cần thêm ghế chờ' },
      ],
    });
  });

  it('masks a phone number or e-mail a citizen typed into a suggestion, which would name them', async () => {
    await storeResponse(t, { unit: 'MC-Q2', submittedAt: '2026-03-21T03:00:00Z', answers: { suggestion: 'Gọi lại cho tôi: 0912 345 678 hoặc lan.nguyen＠gmail.com' } });
    const res = await t.call('GET', `/api/scores/suggestions?${MARCH}&unit=MC`, undefined, admin.headers);
    expect(res.body.suggestions[0].text).toBe('Gọi lại cho tôi: […] hoặc […]');
  });

  it('rejects a bad filter with a 400 naming the field, and an unknown survey with 404', async () => {
    const cases: [string, string][] = [
      ['survey=sipas-2017&from=2026-02-30', 'from'],
      ['survey=sipas-2017&from=2026-03-10&to=2026-03-01', 'to'],
      ['survey=sipas-2017&channel=fax', 'channel'],
      ['survey=sipas-2017&by=unit,shoe_size', 'by'],
      ['survey=sipas-2017&unit=NOPE', 'unit'],
      ['survey=sipas-2017&includeFlagged=maybe', 'includeFlagged'],
      ['survey=sipas-2017&colour=red', '(body)'],
      ['from=2026-01-01', 'survey'],
    ];
    for (const [query, field] of cases) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
    }
    expect((await get('survey=nope')).body.error.code).toBe('unknown_survey');
    expect((await get('survey=nope')).status).toBe(404);
  });

  it('answers any query string with figures or a 4xx, never a 5xx', async () => {
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('sipas-2017', 'MC', 'TTCK', '2026-03-01', '2026-13-01', 'unit,month', 'gender', '1', 'kiosk', 'CB-01'));
    const key = fc.constantFrom('survey', 'from', 'to', 'unit', 'procedure', 'official', 'channel', 'includeFlagged', 'by', 'x');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, value, { maxKeys: 5 }), async (params) => {
        const res = await get(new URLSearchParams(params).toString());
        expect([200, 400, 403, 404]).toContain(res.status);
        if (res.status !== 200) expect(typeof res.body.error.code).toBe('string');
      }),
      { numRuns: 60 },
    );
  });

  it('scores the 3-level counter form through the same code', async () => {
    for (const overall of [3, 3, 2, 1]) await storeResponse(t, { surveyId: 'counter-quick', unit: 'MC-Q1', submittedAt: '2026-03-05T03:00:00Z', answers: { overall } });
    const res = await get('survey=counter-quick&from=2026-03-01&to=2026-03-31');
    expect(res.body).toMatchObject({ surveyId: 'counter-quick', responses: 4, overall: { index: 75 } });
    expect(res.body.criteria).toEqual([expect.objectContaining({ id: 'overall', index: 75, mean: 2.25, n: 4 })]);
  });
});

describe.each(dialects)('element targets on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-05-04T02:00:00Z') });
  });
  afterEach(() => t.close());

  it('default to 90%, may be changed by admins only, and every change is audited', async () => {
    const admin = await signIn(t, 'root', 'admin');
    const manager = await signIn(t, 'hoa', 'manager', 'MC');
    expect((await t.call('GET', '/api/scores/targets?survey=sipas-2017', undefined, manager.headers)).body.targets.access).toBe(90);
    const body = { survey: 'sipas-2017', targets: { access: 85, feedback: 92.5 } };
    expect((await t.call('PUT', '/api/scores/targets', body, manager.headers)).status).toBe(403);
    expect((await t.call('PUT', '/api/scores/targets', body, { cookie: admin.headers.cookie! })).status).toBe(403); // no CSRF token
    const saved = await t.call('PUT', '/api/scores/targets', body, admin.headers);
    expect(saved.status).toBe(200);
    expect(saved.body.targets).toEqual({ access: 85, procedure: 90, official: 90, result: 90, feedback: 92.5 });
    expect((await t.call('GET', '/api/scores?survey=sipas-2017', undefined, manager.headers)).body.targets.feedback).toBe(92.5);
    const log = await t.call('GET', '/api/staff/audit', undefined, admin.headers);
    expect(log.body.find((e: { action: string }) => e.action === 'targets.update')).toMatchObject({ actor: 'root', target: 'sipas-2017', details: { targets: { access: 85, feedback: 92.5 } } });

    for (const bad of [{ survey: 'sipas-2017', targets: { access: 101 } }, { survey: 'sipas-2017', targets: { nope: 50 } }, { survey: 'sipas-2017' }]) {
      const res = await t.call('PUT', '/api/scores/targets', bad, admin.headers);
      expect(res.status).toBe(400);
    }
    expect((await t.call('GET', '/api/scores/targets?survey=sipas-2017', undefined, admin.headers)).body.targets.access).toBe(85);
  });
});

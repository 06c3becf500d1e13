import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackItem, signInAgain } from '../helpers/feedback-fixtures';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

// Decision 766 points beside the ratios, for the report's units and dates; every figure by hand.
describe.each(dialects)('Decision 766 points on %s', (dialect) => {
  let t: TestApp;
  let manager: SignedIn;
  const codes: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-02T03:00:00Z') });
    manager = await signIn(t, 'quanly', 'manager', 'MC');
    for (const [name, unit, kind] of [['complaint', 'MC-Q1', 'complaint'], ['report', 'MC-Q2', 'report']] as const) {
      const body = feedbackItem({ unit, kind });
      const sent = await t.call('POST', '/api/feedback', body);
      expect(sent.status).toBe(201);
      codes[name] = sent.body.code;
      ids[name] = body.id;
    }
    // The dossiers come back later in the month.
    t.clock.now = new Date('2026-03-12T03:00:00Z');
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    const invite = async (o: Record<string, unknown>, rating?: number) => {
      const { body } = await t.call('POST', '/api/invitations', invitationRequest(o), headers);
      if (rating) expect((await t.call('POST', `/api/invitation-tokens/${body.token}/responses`, { id: randomUUID(), surveyId: 'counter-quick', answers: { overall: rating } })).status).toBe(201);
    };
    await invite({ unit: 'MC-Q1', dueAt: '2026-03-12', returnedAt: '2026-03-10' }, 3); // on time, very satisfied
    await invite({ unit: 'MC-Q1', dueAt: '2026-03-05', returnedAt: '2026-03-09' }); // late
    await invite({ unit: 'MC-Q2', procedure: 'LD-01', dueAt: '2026-03-15', returnedAt: '2026-03-11' }, 1); // on time, dissatisfied
    t.clock.now = new Date('2026-03-02T05:00:00Z');
  });
  afterEach(() => t.close());

  const answer = async (id: string) => {
    expect((await t.call('PUT', `/api/feedback/items/${id}/reply`, { reply: 'Đơn vị đã chấn chỉnh, xin cảm ơn.' }, manager.headers)).status).toBe(200);
    expect((await t.call('POST', `/api/feedback/items/${id}/status`, { to: 'answered' }, manager.headers)).status).toBe(200);
  };
  const rate = (code: string, rating: unknown) => t.call('POST', `/api/feedback/track/${code}/rating`, { rating });

  it('lets the sender rate the handling once answered, and change their mind', async () => {
    expect((await rate(codes.complaint!, 'dissatisfied')).body.error.code).toBe('not_answered');
    expect((await rate(codes.complaint!, 'meh')).status).toBe(400);
    expect((await t.call('POST', `/api/feedback/track/${codes.complaint}/rating`, { rating: 'satisfied', extra: 1 })).status).toBe(400);
    expect((await rate('AAAA-BBBB-CCCC-DDDD', 'satisfied')).status).toBe(404);
    await answer(ids.complaint!);
    const rated = await rate(codes.complaint!, 'dissatisfied');
    expect([rated.status, rated.body.rating]).toEqual([200, 'dissatisfied']);
    expect((await t.call('GET', `/api/feedback/track/${codes.complaint}`)).body.rating).toBe('dissatisfied');
    expect((await rate(codes.complaint!, 'satisfied')).body.rating).toBe('satisfied');
    const detail = (await t.call('GET', `/api/feedback/items/${ids.complaint}`, undefined, manager.headers)).body;
    expect(detail.senderRating).toBe('satisfied');
    expect(detail.events.filter((e: { action: string }) => e.action === 'rated').map((e: { actor: string; details: { rating: string } }) => [e.actor, e.details.rating])).toEqual([
      ['sender', 'dissatisfied'],
      ['sender', 'satisfied'],
    ]);
  });

  it('scores each indicator by unit and period, naming what is missing', async () => {
    t.clock.now = new Date('2026-03-04T03:00:00Z');
    manager = await signInAgain(t, 'quanly');
    await answer(ids.report!);
    t.clock.now = new Date('2026-03-05T03:00:00Z');
    manager = await signInAgain(t, 'quanly');
    await answer(ids.complaint!);
    await rate(codes.complaint!, 'dissatisfied');
    await rate(codes.report!, 'satisfied');
    t.clock.now = new Date('2026-03-20T03:00:00Z');
    manager = await signInAgain(t, 'quanly');

    const march = async () => {
      const res = await t.call('GET', '/api/scores?survey=counter-quick&unit=MC&from=2026-03-01&to=2026-03-31', undefined, manager.headers);
      expect(res.status).toBe(200);
      return res.body.extras.decision766;
    };
    const byId = (p: { indicators: { id: string }[] }): Record<string, any> => Object.fromEntries(p.indicators.map((i) => [i.id, i]));

    // While March runs, the indicators resting on citizens' ratings are withheld (a day later one
    // more rating could be read off); those resting on dates and the one-stop system are shown.
    let { total, months, units } = await march();
    let all = byId(total);
    expect(all.handlingSatisfaction).toMatchObject({ ratio: null, points: null, withheld: 'period_not_ended', n: 3 });
    expect(all.feedbackSatisfaction).toMatchObject({ ratio: null, points: null, withheld: 'period_not_ended', n: 2 });
    // 2 of 3 dossiers with a due date on time: 66.67% of 20 = 13.33.
    expect(all.progress).toMatchObject({ ratio: 66.67, points: 13.33, n: 3, missing: [] });
    // Both items answered within 15 working days → 6.
    expect(all.feedbackOnTime).toMatchObject({ ratio: 100, points: 6, n: 2 });
    expect([total.points, total.max]).toEqual([19.33, 26]); // 13.333 + 6 of 20 + 6
    expect(months.map((m: { key: string }) => m.key)).toEqual(['2026-03']);

    // Eight more dossiers come back on time, rated very satisfied: four per counter.
    t.clock.now = new Date('2026-03-12T03:00:00Z');
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    for (const o of [...Array(4).fill({ unit: 'MC-Q1' }), ...Array(4).fill({ unit: 'MC-Q2', procedure: 'LD-01' })]) {
      const { body } = await t.call('POST', '/api/invitations', invitationRequest({ ...o, dueAt: '2026-03-12', returnedAt: '2026-03-10' }), headers);
      expect((await t.call('POST', `/api/invitation-tokens/${body.token}/responses`, { id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 3 } })).status).toBe(201);
    }
    // Once March has ended, each counter's month holds five ratings: shown.
    t.clock.now = new Date('2026-04-02T03:00:00Z');
    manager = await signInAgain(t, 'quanly');
    ({ total, months, units } = await march());
    all = byId(total);
    // 11 dossiers, 1 late, 1 rated dissatisfied: 9/11 = 81.82%; 6 × 81.82 / 90 = 5.45.
    expect(all.handlingSatisfaction).toMatchObject({ ratio: 81.82, points: 5.45, n: 11, missing: [] });
    expect(all.handlingSatisfaction.withheld).toBeUndefined();
    // 10 of 11 on time: 90.91% of 20 = 18.18.
    expect(all.progress).toMatchObject({ ratio: 90.91, points: 18.18, n: 11 });
    // Two items rated: one of them is the only dissatisfied sender, so the share stays withheld.
    expect(all.feedbackSatisfaction).toMatchObject({ points: null, withheld: 'few_responses' });
    expect([total.points, total.max]).toEqual([29.64, 32]); // 5.4545 + 18.1818 + 6, rounded once
    expect(byId(months[0].points).handlingSatisfaction.points).toBe(5.45);

    expect(units.map((u: { unit: string; depth: number }) => [u.unit, u.depth])).toEqual([['MC', 0], ['MC-Q1', 1], ['MC-Q2', 1]]);
    // The centre holds both counters: its figures are the whole report's.
    const centre = byId(units[0].points);
    expect(centre.handlingSatisfaction).toMatchObject({ ratio: 81.82, points: 5.45, n: 11 });
    expect(centre.progress).toMatchObject({ points: 18.18, n: 11 });
    expect(centre.feedbackOnTime).toMatchObject({ points: 6, n: 2 });
    const q1 = byId(units[1].points);
    // MC-Q1: 6 dossiers, 1 late, none disliked: 5/6 = 83.33% → 5.56; 5 of 6 on time → 16.67.
    expect([q1.handlingSatisfaction.points, q1.progress.points]).toEqual([5.56, 16.67]);
    const q2 = byId(units[2].points);
    // MC-Q2: 5 dossiers, all on time, 1 disliked: 4/5 = 80% → 5.33; progress 20.
    expect([q2.handlingSatisfaction.points, q2.progress.points]).toEqual([5.33, 20]);
  });

  it('gives no dossier points, and says so, where the one-stop system reported no dossier', async () => {
    const admin = await signIn(t, 'root', 'admin');
    const res = await t.call('GET', '/api/scores?survey=counter-quick&unit=TTCK&from=2026-03-01&to=2026-03-31', undefined, admin.headers);
    const [handling, feedbackSatisfaction, , progress] = res.body.extras.decision766.total.indicators;
    expect([handling.points, handling.missing, progress.points, progress.missing]).toEqual([null, ['dossiers'], null, ['dossiers']]);
    expect([feedbackSatisfaction.points, feedbackSatisfaction.n]).toEqual([6, 0]); // no items: full points
    expect(res.body.extras.decision766.total).toMatchObject({ points: 12, max: 12 });
  });
});

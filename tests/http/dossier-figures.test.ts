import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

describe.each(dialects)('GET /api/dossier-figures on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-10T03:00:00Z') });
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    const invite = async (o: Record<string, unknown>, rating?: number) => {
      const { body } = await t.call('POST', '/api/invitations', invitationRequest(o), headers);
      if (rating) await t.call('POST', `/api/invitation-tokens/${body.token}/responses`, { id: randomUUID(), surveyId: 'counter-quick', answers: { overall: rating } });
    };
    const onTime = { dueAt: '2026-03-12' };
    const late = { dueAt: '2026-03-09' };
    // Counter 1: A on time, dissatisfied; B late, dissatisfied; C and D on time, satisfied.
    await invite({ unit: 'MC-Q1', procedure: 'DT-01', ...onTime, returnedAt: '2026-03-10' }, 1);
    await invite({ unit: 'MC-Q1', procedure: 'DT-01', ...late, returnedAt: '2026-03-10' }, 1);
    await invite({ unit: 'MC-Q1', procedure: 'DT-01', ...onTime, returnedAt: '2026-03-09' }, 3);
    await invite({ unit: 'MC-Q1', procedure: 'DT-01', ...onTime, returnedAt: '2026-03-09' }, 2);
    // Counter 2: E on time, satisfied; F no due date, not rated; G on time, satisfied; H late, satisfied.
    await invite({ unit: 'MC-Q2', procedure: 'LD-01', ...onTime, returnedAt: '2026-03-09' }, 3);
    await invite({ unit: 'MC-Q2', procedure: 'LD-01', dueAt: undefined, returnedAt: '2026-03-09' });
    await invite({ unit: 'MC-Q2', procedure: 'LD-01', ...onTime, returnedAt: '2026-03-10' }, 3);
    await invite({ unit: 'MC-Q2', procedure: 'LD-01', ...late, returnedAt: '2026-03-10' }, 2);
    // Elsewhere: I late, not rated.
    await invite({ unit: 'QLDT', procedure: 'DT-02', dueAt: '2026-03-01', returnedAt: '2026-03-10' });
    // Read in April, once March has ended: ratings are shown only for whole, ended months.
    t.clock.now = new Date('2026-04-15T03:00:00Z');
    admin = await signIn(t, 'quantri', 'admin');
  });
  afterEach(() => t.close());
  const figures = (query: string, who: SignedIn = admin) => t.call('GET', `/api/dossier-figures?${query}`, undefined, who.headers);
  type Cell = { period?: string; dossiers: number; withDue: number; onTime: number; late: number; rated: number | null; dissatisfied: number | null; dissatisfiedNotLate: number | null; onTimeShare: { percent: number }; handlingSatisfaction: { percent: number | null }; ratingsWithheld: string | null };
  const row = (p: Cell) => [p.period, p.dossiers, p.withDue, p.onTime, p.late, p.rated, p.dissatisfied, p.dissatisfiedNotLate, p.handlingSatisfaction.percent, p.ratingsWithheld];

  it('gives the on-time share and the 766 indicator of a whole month for a unit and the units below it', async () => {
    const res = await figures('unit=MC&from=2026-03-01&to=2026-03-31&period=month');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unit: 'MC', from: '2026-03-01', to: '2026-03-31', period: 'month' });
    // 8 dossiers, 7 with a due date, 5 on time, 2 late (B, H); 7 rated, 2 dissatisfied (A, B),
    // 1 of them not late (A): handling = (8 − 2 − 1) / 8.
    expect(row(res.body.periods[0])).toEqual(['2026-03', 8, 7, 5, 2, 7, 2, 1, 62.5, null]);
    expect(res.body.total.onTimeShare.percent).toBeCloseTo(500 / 7, 10);
    expect(res.body.total.handlingSatisfaction.percent).toBe(62.5);
  });

  it('shows each day\'s timing, never a day\'s ratings', async () => {
    const res = await figures('unit=MC&from=2026-03-01&to=2026-03-31&period=day');
    expect(res.body.periods.map(row)).toEqual([
      ['2026-03-09', 4, 3, 3, 0, null, null, null, null, 'not_whole_period'],
      ['2026-03-10', 4, 4, 2, 2, null, null, null, null, 'not_whole_period'],
    ]);
    expect(res.body.total.onTimeShare.percent).toBeCloseTo(500 / 7, 10);
  });

  it('covers every unit for an admin by default, and gives no ratings split by procedure', async () => {
    const all = await figures('from=2026-03-01&to=2026-03-31');
    expect(all.body.unit).toBe('BQL');
    expect(all.body.total).toMatchObject({ dossiers: 9, withDue: 8, onTime: 5, late: 3, dissatisfiedNotLate: 1, ratingsWithheld: null });
    expect(all.body.total.handlingSatisfaction.percent).toBeCloseTo((100 * 5) / 9, 10); // (9 − 3 − 1) / 9
    expect(all.body.periods.map((p: { period: string }) => p.period)).toEqual(['2026-03']);
    const procedure = await figures('procedure=DT-01&from=2026-03-01&to=2026-03-31&period=all');
    expect(procedure.body.total).toMatchObject({ dossiers: 4, late: 1, rated: null, ratingsWithheld: 'filtered', handlingSatisfaction: { percent: null } });
  });

  it('keeps staff to their units and defaults to their own; a counter\'s few ratings stay hidden', async () => {
    const manager = await signIn(t, 'quanly', 'manager', 'MC-Q2');
    const own = await figures('from=2026-03-01&to=2026-03-31', manager);
    expect(own.body).toMatchObject({ unit: 'MC-Q2', total: { dossiers: 4, onTime: 2, rated: null, ratingsWithheld: 'few_responses' } });
    expect((await figures('unit=MC&from=2026-03-01', manager)).status).toBe(403);
    expect((await t.call('GET', '/api/dossier-figures')).status).toBe(401);
  });

  it('answers 400 for a bad period, dates the wrong way round or an unknown unit', async () => {
    expect((await figures('period=decade')).status).toBe(400);
    const backwards = await figures('from=2026-03-10&to=2026-03-01&unit=NOPE');
    expect(backwards.body.error.issues.map((i: { code: string }) => i.code)).toEqual(['after_to', 'unknown_unit']);
    expect((await figures('from=yesterday')).status).toBe(400);
  });
});

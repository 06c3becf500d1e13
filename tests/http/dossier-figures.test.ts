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
    admin = await signIn(t, 'quantri', 'admin');
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    const invite = async (o: Record<string, unknown>, rating?: number) => {
      const { body } = await t.call('POST', '/api/invitations', invitationRequest(o), headers);
      if (rating) await t.call('POST', `/api/invitation-tokens/${body.token}/responses`, { id: randomUUID(), surveyId: 'counter-quick', answers: { overall: rating } });
    };
    await invite({ unit: 'MC-Q1', procedure: 'DT-01', dueAt: '2026-03-12', returnedAt: '2026-03-10' }, 1); // on time, dissatisfied
    await invite({ unit: 'MC-Q1', procedure: 'DT-01', dueAt: '2026-03-09', returnedAt: '2026-03-10' }, 1); // late and dissatisfied
    await invite({ unit: 'MC-Q2', procedure: 'LD-01', dueAt: '2026-03-09', returnedAt: '2026-03-09' }, 3); // on time, very satisfied
    await invite({ unit: 'MC-Q2', procedure: 'LD-01', dueAt: undefined, returnedAt: '2026-03-09' }); // no due date, not rated
    await invite({ unit: 'QLDT', procedure: 'DT-02', dueAt: '2026-03-01', returnedAt: '2026-03-10' }); // late, elsewhere
  });
  afterEach(() => t.close());
  const figures = (query: string, who: SignedIn = admin) => t.call('GET', `/api/dossier-figures?${query}`, undefined, who.headers);

  it('gives the on-time share and the 766 indicator per day for a unit and the units below it', async () => {
    const res = await figures('unit=MC&from=2026-03-01&to=2026-03-31&period=day');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unit: 'MC', from: '2026-03-01', to: '2026-03-31', period: 'day' });
    const day = (p: { period: string; dossiers: number; withDue: number; onTime: number; late: number; rated: number; dissatisfied: number; dissatisfiedNotLate: number; onTimeShare: { percent: number }; handlingSatisfaction: { percent: number } }) =>
      [p.period, p.dossiers, p.withDue, p.onTime, p.late, p.rated, p.dissatisfied, p.dissatisfiedNotLate, p.onTimeShare.percent, p.handlingSatisfaction.percent];
    expect(res.body.periods.map(day)).toEqual([
      ['2026-03-09', 2, 1, 1, 0, 1, 0, 0, 100, 100],
      ['2026-03-10', 2, 2, 1, 1, 2, 2, 1, 50, 0], // (2 − 1 late − 1 dissatisfied on time) / 2
    ]);
    expect(res.body.total.dossiers).toBe(4);
    expect(res.body.total.onTimeShare.percent).toBeCloseTo(200 / 3, 10);
    expect(res.body.total.handlingSatisfaction.percent).toBe(50); // (4 − 1 − 1) / 4
  });

  it('covers every unit for an admin by default, and filters by procedure', async () => {
    const all = await figures('from=2026-03-01&to=2026-03-31');
    expect(all.body.unit).toBe('BQL');
    expect(all.body.total).toMatchObject({ dossiers: 5, withDue: 4, onTime: 2, late: 2, dissatisfiedNotLate: 1 });
    expect(all.body.total.handlingSatisfaction.percent).toBe(40); // (5 − 2 − 1) / 5
    expect(all.body.periods.map((p: { period: string }) => p.period)).toEqual(['2026-03']);
    const procedure = await figures('procedure=DT-01&from=2026-03-01&to=2026-03-31&period=all');
    expect(procedure.body.total).toMatchObject({ dossiers: 2, late: 1, dissatisfiedNotLate: 1 });
    expect(procedure.body.total.handlingSatisfaction.percent).toBe(0);
  });

  it('keeps staff to their units and defaults to their own', async () => {
    const manager = await signIn(t, 'quanly', 'manager', 'MC-Q2');
    const own = await figures('from=2026-03-01&to=2026-03-31', manager);
    expect(own.body).toMatchObject({ unit: 'MC-Q2', total: { dossiers: 2 } });
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

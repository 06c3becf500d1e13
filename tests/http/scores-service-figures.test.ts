import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

// The scores carry, for the same units and dates, the dossier and feedback figures with the two
// Decision 766 indicators; hand-computed below.
describe.each(dialects)('service figures beside the scores on %s', (dialect) => {
  let t: TestApp;
  let manager: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-20T03:00:00Z') });
    manager = await signIn(t, 'quanly', 'manager', 'MC');
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    const invite = async (o: Record<string, unknown>, rating?: number) => {
      const { body } = await t.call('POST', '/api/invitations', invitationRequest(o), headers);
      if (rating) await t.call('POST', `/api/invitation-tokens/${body.token}/responses`, { id: randomUUID(), surveyId: 'counter-quick', answers: { overall: rating } });
    };
    await invite({ unit: 'MC-Q1', dueAt: '2026-03-12', returnedAt: '2026-03-10' }, 3); // on time, very satisfied
    await invite({ unit: 'MC-Q1', dueAt: '2026-03-05', returnedAt: '2026-03-09' }); // late
    await invite({ unit: 'MC-Q2', procedure: 'LD-01', dueAt: '2026-03-15', returnedAt: '2026-03-11' }, 1); // on time, dissatisfied
    await invite({ unit: 'DNLD', procedure: 'LD-01', dueAt: '2026-03-01', returnedAt: '2026-03-10' }); // late, outside MC
    for (const [unit, kind] of [['MC-Q1', 'complaint'], ['MC-Q2', 'report'], ['MC-Q2', 'suggestion'], ['DNLD', 'complaint']]) {
      const sent = await t.call('POST', '/api/feedback', { id: randomUUID(), kind, unit, text: 'Quầy làm việc chưa đúng giờ niêm yết.', channel: 'web', device: randomUUID() });
      expect(sent.status).toBe(201);
    }
  });
  afterEach(() => t.close());
  const scores = (query: string) => t.call('GET', `/api/scores?survey=counter-quick&${query}`, undefined, manager.headers);

  it('reports on-time dossiers and Decision 766 handling satisfaction for the unit and its sub-units', async () => {
    // Timing is shown at once; ratings only for a whole month that has ended, from 5 rated dossiers.
    const running = (await scores('unit=MC&from=2026-03-01&to=2026-03-31')).body.extras.service.dossiers.total;
    expect([running.dossiers, running.withDue, running.onTime, running.late, running.rated, running.ratingsWithheld]).toEqual([3, 3, 2, 1, null, 'period_not_ended']);
    expect(running.onTimeShare.percent).toBe(66.67); // 2 of 3
    const { headers } = await apiKeyHeaders(t, ['BQL'], 'second system');
    for (const rating of [3, 3, 2]) {
      const { body } = await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q2', procedure: 'LD-01', dueAt: '2026-03-19', returnedAt: '2026-03-18' }), headers);
      await t.call('POST', `/api/invitation-tokens/${body.token}/responses`, { id: randomUUID(), surveyId: 'counter-quick', answers: { overall: rating } });
    }
    t.clock.now = new Date('2026-04-02T03:00:00Z');
    manager = await signIn(t, 'quanly2', 'manager', 'MC');
    const res = await scores('unit=MC&from=2026-03-01&to=2026-03-31');
    expect(res.status).toBe(200);
    const { total, months } = res.body.extras.service.dossiers;
    expect([total.dossiers, total.withDue, total.onTime, total.late, total.rated, total.dissatisfied, total.ratingsWithheld]).toEqual([6, 6, 5, 1, 5, 1, null]);
    expect(total.onTimeShare.percent).toBe(83.33); // 5 of 6
    expect(total.handlingSatisfaction.percent).toBe(66.67); // (6 − 1 late − 1 dissatisfied on time) / 6
    expect(months.map((m: { period: string }) => m.period)).toEqual(['2026-03']);
    // The procedure filter narrows the dossiers too, but never splits the ratings.
    const one = (await scores('unit=MC&from=2026-03-01&to=2026-03-31&procedure=LD-01')).body.extras.service.dossiers.total;
    expect([one.dossiers, one.handlingSatisfaction.percent, one.ratingsWithheld]).toEqual([4, null, 'filtered']);
  });

  it('reports feedback received and Decision 766 complaints handled on time, pending until the deadline passes', async () => {
    const now = (await scores('unit=MC&from=2026-03-01&to=2026-03-31')).body.extras.service.feedback.total;
    expect([now.received, now.answered, now.open, now.overdue]).toEqual([3, 0, 3, 0]);
    expect(now.complaintsOnTime).toMatchObject({ complaints: 2, decided: 0, pending: 2, percent: null });
    // Ten working days later, both complaints are overdue and decided: none on time.
    t.clock.now = new Date('2026-04-10T03:00:00Z');
    manager = await signIn(t, 'quanly2', 'manager', 'MC'); // the morning's session has long expired
    const later = (await scores('unit=MC&from=2026-03-01&to=2026-03-31')).body.extras.service.feedback.total;
    expect([later.overdue, later.complaintsOnTime.decided, later.complaintsOnTime.percent]).toEqual([3, 2, 0]);
  });

  it('leaves the service figures out when asked (service=0), as the trend chart does', async () => {
    const res = await scores('unit=MC&from=2026-03-01&to=2026-03-31&service=0');
    expect(res.status).toBe(200);
    expect(res.body.extras).toEqual({});
  });

  it('never shows a manager the figures of units outside their subtree', async () => {
    const res = await scores('unit=DNLD');
    expect(res.status).toBe(403);
    const mine = (await scores('from=2026-03-01&to=2026-03-31')).body.extras.service;
    expect(mine.dossiers.total.dossiers).toBe(3);
    expect(mine.feedback.total.received).toBe(3);
  });

  it('puts the same figures in the XLSX, on a sheet of their own', async () => {
    const res = await t.app.request('/api/exports/scores.xlsx?survey=counter-quick&unit=MC&from=2026-03-01&to=2026-03-31', { headers: manager.headers });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Hồ sơ, góp ý (QĐ 766)')!;
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const wholePeriod = rows.filter((r) => r[0] === 'Cả kỳ');
    expect(wholePeriod[0]).toEqual(['Cả kỳ', 3, 3, 2, 1, 'Ẩn', 'Ẩn', 0.6667, 'Ẩn']); // dossiers; ratings of a running month hidden; shares in percent-formatted cells
    const first = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === 'Cả kỳ')!;
    expect(first.getCell(8).numFmt).toBe('0.00%');
    expect(wholePeriod[1]!.slice(0, 7)).toEqual(['Cả kỳ', 3, 0, 0, 0, 3, 0]); // feedback: received, answered …
  });
});

import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';
import { answerCountRows } from '../helpers/answer-count-rows';

describe.each(dialects)('answering through an invitation on %s', (dialect) => {
  let t: TestApp;
  let token: string;
  let invitationId: string;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-10T03:00:00Z') });
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    // Returned late: due on the 9th, returned on the 10th.
    const res = await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q2', procedure: 'LD-01', official: 'CB-03', dueAt: '2026-03-09' }), headers);
    token = res.body.token;
    invitationId = res.body.id;
  });
  afterEach(() => t.close());
  const db = () => t.database.handle.db;
  const quick = (overrides: Record<string, unknown> = {}) => ({ id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 1, reasons: ['late'] }, ...overrides });
  const answer = (body: unknown, to = token) => t.call('POST', `/api/invitation-tokens/${to}/responses`, body);
  const responses = () => db().selectFrom('responses').selectAll().execute();
  const counters = () => db().selectFrom('dossier_counts').selectAll().execute();

  it('tells the phone page what the rating is about and what is left to answer', async () => {
    const res = await t.call('GET', `/api/invitation-tokens/${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      unit: { code: 'MC-Q2', name: { vi: 'Quầy số 2 - Lao động, Doanh nghiệp', en: 'Counter 2 – Labour and enterprises' } },
      procedure: { code: 'LD-01', name: expect.objectContaining({ vi: expect.stringContaining('Cấp giấy phép lao động') }) },
      official: { name: expect.any(String) },
      surveys: { quick: 'counter-quick', full: 'sipas-2017', parts: null },
      answered: { quick: false, full: false },
      expiresAt: '2026-04-09T17:00:00.000Z',
    });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('stores the response with the invitation\'s unit, procedure and official, and nothing that leads back to it', async () => {
    t.clock.now = new Date('2026-03-10T03:01:30Z'); // answered at once, still at the counter
    const body = quick();
    const res = await answer(body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: body.id, surveyId: 'counter-quick', surveyVersion: 1, status: 'created' });
    const [row] = await responses();
    expect(row).toMatchObject({ unit_code: 'MC-Q2', procedure_code: 'LD-01', official_code: 'CB-03', channel: 'qr', device_id: '' });
    const invitation = await db().selectFrom('invitations').selectAll().executeTakeFirstOrThrow();
    const text = JSON.stringify(row);
    for (const secret of [invitationId, token, invitation.token_hash, invitation.code_hash, invitation.dossier_hash, invitation.token_salt]) expect(text).not.toContain(secret);
    // The invitation keeps dates only, so its times cannot be matched with the response's.
    expect(JSON.stringify(invitation)).not.toMatch(/T0[23]:/);
    const uses = await db().selectFrom('invitation_uses').selectAll().execute();
    expect(uses).toHaveLength(1);
    expect(JSON.stringify(uses)).not.toContain(invitationId);
    const counts = (await answerCountRows(db())).filter((r) => r.question_id === 'overall').map(({ question_id, value, n, procedure_code, official_code, channel }) => ({ question_id, value, n, procedure_code, official_code, channel }));
    expect(counts).toEqual([{ question_id: 'overall', value: '1', n: 1, procedure_code: 'LD-01', official_code: 'CB-03', channel: 'qr' }]);
  });

  it('answers each questionnaire once: a second quick rating is refused (409), the full survey still taken', async () => {
    expect((await answer(quick())).status).toBe(201);
    const again = await answer(quick({ answers: { overall: 3 } }));
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'invitation_used' } } });
    const full = await answer({ id: randomUUID(), surveyId: 'sipas-2017', answers: { off_polite: 2, proc_time: 1 } });
    expect(full.status).toBe(201);
    expect((await answer({ id: randomUUID(), surveyId: 'sipas-2017', answers: { off_polite: 5 } })).body.error.code).toBe('invitation_used');
    expect((await t.call('GET', `/api/invitation-tokens/${token}`)).body.answered).toEqual({ quick: true, full: true });
    expect((await responses()).map((r) => r.survey_id).sort()).toEqual(['counter-quick', 'sipas-2017']);
  });

  it('answers a resend of the stored response with 200, even after the invitation has expired', async () => {
    const body = quick();
    expect((await answer(body)).status).toBe(201);
    expect((await answer(body)).body.status).toBe('replayed');
    t.clock.now = new Date('2026-05-01T00:00:00Z');
    const late = await answer(body);
    expect(late.status).toBe(200);
    expect(await responses()).toHaveLength(1);
  });

  it('takes one of many different responses sent at the same moment through one token', async () => {
    const bodies = Array.from({ length: 16 }, (_, i) => quick({ answers: { overall: (i % 3) + 1 } }));
    const results = await Promise.all(bodies.map((b) => answer(b)));
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(15).fill(409)]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'invitation_used')).toBe(true);
    expect(await responses()).toHaveLength(1);
    const star = (await answerCountRows(db())).filter((r) => r.question_id === '*').map(({ n }) => ({ n }));
    expect(star).toEqual([{ n: 1 }]);
    expect((await counters())[0]!.rated).toBe(1);
  });

  it('takes one of many responses from several app servers sharing the database', async () => {
    // Three app instances, each with its own writer (group commit), as behind a load balancer.
    const { createApp } = await import('../../server/app');
    const { ResponseWriter } = await import('../../server/responses/response-writer');
    const { localesDir, pagesDistDir } = await import('../../server/paths');
    const servers = [0, 1, 2].map(() => {
      const writer = new ResponseWriter(db(), { batchWindowMs: 1, maxBatch: 64 });
      const app = createApp({ db: db(), reader: db(), surveys: t.database.surveys, writer, clock: () => t.clock.now, pagesDir: pagesDistDir, localesDir, publicUrl: 'http://sipas.test', secret: Buffer.alloc(32, 7), trustProxy: true });
      return { app, writer };
    });
    const results = await Promise.all(
      Array.from({ length: 18 }, (_, i) =>
        servers[i % 3]!.app.request(`/api/invitation-tokens/${token}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(quick()) }),
      ),
    );
    await Promise.all(servers.map((s) => s.writer.close()));
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(17).fill(409)]);
    expect(await responses()).toHaveLength(1);
  });

  it('counts the dossier as rated dissatisfied, and keeps late and dissatisfied apart', async () => {
    await answer(quick({ answers: { overall: 1 } }));
    expect(await counters()).toEqual([
      { unit_code: 'MC-Q2', procedure_code: 'LD-01', return_date: '2026-03-10', dossiers: 1, with_due: 1, on_time: 0, late: 1, rated: 1, dissatisfied: 1, dissatisfied_not_late: 0 },
    ]);
  });

  it('refuses an unknown or malformed token (404 / 400) and stores nothing', async () => {
    const unknown = await answer(quick(), 'A'.repeat(22));
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'unknown_invitation' } } });
    expect((await t.call('GET', `/api/invitation-tokens/${'B'.repeat(22)}`)).body.error.code).toBe('unknown_invitation');
    const malformed = await t.call('GET', '/api/invitation-tokens/short');
    expect(malformed.status).toBe(400);
    expect(await responses()).toHaveLength(0);
  });

  it('refuses an expired token (404 invitation_expired) and stores nothing', async () => {
    t.clock.now = new Date('2026-04-09T16:59:59Z'); // the last second of the last day
    expect((await t.call('GET', `/api/invitation-tokens/${token}`)).status).toBe(200);
    t.clock.now = new Date('2026-04-09T17:00:00Z'); // midnight in Vietnam
    expect((await t.call('GET', `/api/invitation-tokens/${token}`)).body.error.code).toBe('invitation_expired');
    const res = await answer(quick());
    expect(res).toMatchObject({ status: 404, body: { error: { code: 'invitation_expired' } } });
    expect(await responses()).toHaveLength(0);
    expect(await db().selectFrom('invitation_uses').selectAll().execute()).toHaveLength(0);
  });

  it('refuses a questionnaire the invitation does not offer, and bad answers, with 400', async () => {
    const other = await answer({ id: randomUUID(), surveyId: 'something-else', answers: { a: 1 } });
    expect(other.status).toBe(400);
    expect(other.body.error.issues).toEqual([expect.objectContaining({ path: 'surveyId', code: 'not_offered' })]);
    const bad = await answer(quick({ answers: { overall: 7 } }));
    expect(bad.body.error.issues).toEqual([expect.objectContaining({ path: 'answers.overall', code: 'out_of_range' })]);
    // The invitation sets unit, procedure, official and channel; the body may not.
    const extra = await answer({ ...quick(), unit: 'MC-Q1', channel: 'kiosk' });
    expect(extra.status).toBe(400);
    expect(await responses()).toHaveLength(0);
    expect((await answer(quick())).status).toBe(201); // nothing was used up by the refusals
  });

  it('offers only the quick rating when the invitation names it as its questionnaire', async () => {
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    const only = await t.call('POST', '/api/invitations', invitationRequest({ survey: 'counter-quick' }), headers);
    const view = await t.call('GET', `/api/invitation-tokens/${only.body.token}`);
    expect(view.body.surveys).toEqual({ quick: 'counter-quick', full: null, parts: null });
    expect((await answer({ id: randomUUID(), surveyId: 'sipas-2017', answers: { off_polite: 4 } }, only.body.token)).body.error.issues[0].code).toBe('not_offered');
  });
});

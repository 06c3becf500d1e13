import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';
import { signInAgain } from '../helpers/feedback-fixtures';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { answerCountRows } from '../helpers/answer-count-rows';

// Paper forms typed in by an admin: the channel that can name any unit, procedure, official and
// time, so these tests reach every check of the write path (channel-proof.test.ts covers who may
// send on which channel).
const quick = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  surveyId: 'counter-quick',
  answers: { overall: 3, reasons: ['on_time'] },
  channel: 'paper',
  unit: 'MC-Q1',
  ...overrides,
});

describe.each(dialects)('POST /api/responses on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-10T03:00:00Z') });
    admin = await signIn(t, 'typist', 'admin');
  });
  const send = (body: unknown, headers: Record<string, string> = {}) => t.call('POST', '/api/responses', body, { ...admin.headers, ...headers });
  afterEach(() => t.close());

  const stored = async () => (await t.database.handle.db.selectFrom('responses').selectAll().execute());
  const counts = async () =>
    (await answerCountRows(t.database.handle.db))
      .map((r) => `${r.question_id}=${r.value}:${r.n}@${r.unit_code}/${r.local_date}`)
      .sort();

  it('stores a new response (201) with the survey version it answered', async () => {
    const body = quick();
    const res = await send(body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: body.id, surveyId: 'counter-quick', surveyVersion: 1, status: 'created' });
    const [row] = await stored();
    expect(row).toMatchObject({
      id: body.id,
      survey_id: 'counter-quick',
      survey_version: 1,
      unit_code: 'MC-Q1',
      channel: 'paper',
      proof: 'staff',
      submitted_at: '2026-03-10T03:00:00.000Z',
      local_date: '2026-03-10',
    });
    expect(JSON.parse(row!.answers)).toEqual({ overall: 3, reasons: ['on_time'] });
    expect(await counts()).toEqual(['*=:1@MC-Q1/2026-03-10', 'overall=3:1@MC-Q1/2026-03-10', 'reasons=on_time:1@MC-Q1/2026-03-10']);
  });

  it('answers a resend of the same response with 200 and stores it once', async () => {
    const body = quick();
    expect((await send(body)).status).toBe(201);
    t.clock.now = new Date('2026-03-11T03:00:00Z'); // a day later, from the offline queue
    admin = await signInAgain(t, 'typist');
    const again = await send(body);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('replayed');
    expect(await stored()).toHaveLength(1);
    expect(await counts()).toContain('overall=3:1@MC-Q1/2026-03-10');
  });

  it('treats the same answers written differently (key order, duplicates, nulls) as a resend', async () => {
    const body = quick({ answers: { overall: 3, reasons: ['on_time'] } });
    await send(body);
    const reordered = { ...body, answers: { reasons: ['on_time', 'on_time'], overall: 3 } };
    expect((await send(reordered)).status).toBe(200);
  });

  it('refuses the same id with different content (409) and keeps the first', async () => {
    const body = quick();
    await send(body);
    const res = await send({ ...body, answers: { overall: 1 } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.answers).overall).toBe(3);
  });

  it('stores one row when the same response arrives many times at once', async () => {
    const body = quick();
    const results = await Promise.all(Array.from({ length: 20 }, () => send(body)));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(await stored()).toHaveLength(1);
    expect(await counts()).toContain('overall=3:1@MC-Q1/2026-03-10');
  });

  it('stores many different responses sent together, each exactly once', async () => {
    const bodies = Array.from({ length: 40 }, (_, i) => quick({ answers: { overall: (i % 3) + 1 } }));
    const results = await Promise.all(bodies.map((b) => send(b)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(await stored()).toHaveLength(40);
    expect(await counts()).toEqual(expect.arrayContaining(['*=:40@MC-Q1/2026-03-10', 'overall=1:14@MC-Q1/2026-03-10', 'overall=2:13@MC-Q1/2026-03-10', 'overall=3:13@MC-Q1/2026-03-10']));
  });

  it('answers 400 naming each bad field, and stores nothing', async () => {
    const res = await send({
      id: 'not-a-uuid',
      surveyId: 'sipas-2017',
      answers: { access_seats: 9, off_polite: 'good', made_up: 3, gender: 'x' },
      channel: 'fax',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(
      ['answers.access_seats', 'answers.gender', 'answers.made_up', 'answers.off_polite', 'channel', 'id'].sort(),
    );
    expect(res.body.error.issues.find((i: { path: string }) => i.path === 'answers.made_up').code).toBe('unknown_question');
    expect(await stored()).toHaveLength(0);
    expect(await counts()).toHaveLength(0);
  });

  it('answers 400 for an unknown survey, unit, procedure or official', async () => {
    const res = await send(quick({ surveyId: 'nope' }));
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: 'surveyId', code: 'unknown_survey' })]);
    const codes = await send(quick({ unit: 'ZZ', procedure: 'P-0', official: 'CB-99' }));
    expect(codes.body.error.issues.map((i: { code: string }) => i.code)).toEqual(['unknown_unit', 'unknown_procedure', 'unknown_official']);
    const version = await send(quick({ surveyVersion: 7 }));
    expect(version.body.error.issues).toEqual([expect.objectContaining({ path: 'surveyId', code: 'unknown_survey' })]);
    expect(await stored()).toHaveLength(0);
  });

  it('answers 400 for a missing required answer and for no answer at all', async () => {
    const missing = await send(quick({ answers: { reasons: ['late'] } }));
    expect(missing.body.error.issues).toEqual([expect.objectContaining({ path: 'answers.overall', code: 'missing_required' })]);
    const empty = await send(quick({ surveyId: 'sipas-2017', answers: { access_seats: null } }));
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues).toEqual([expect.objectContaining({ path: 'answers', code: 'missing_required' })]);
  });

  it('answers 400 for wrong types, unknown fields and a time in the future', async () => {
    const res = await send({ ...quick(), answers: [3], extra: true });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['(body)', 'answers']);
    const future = await send(quick({ submittedAt: '2026-03-10T04:00:00Z' }));
    expect(future.body.error.issues).toEqual([expect.objectContaining({ path: 'submittedAt', code: 'in_future' })]);
  });

  it('records when the person answered, and files it under the Vietnam date', async () => {
    // 18:30 UTC on 9 March is 01:30 on 10 March in Vietnam.
    const res = await send(quick({ submittedAt: '2026-03-09T18:30:00Z' }));
    expect(res.status).toBe(201);
    const [row] = await stored();
    expect(row).toMatchObject({ submitted_at: '2026-03-09T18:30:00.000Z', local_date: '2026-03-10', received_at: '2026-03-10T03:00:00.000Z' });
  });

  it('answers 400 with a JSON error for a body that is not JSON', async () => {
    const res = await send('{"id": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('answers 413 for a body over the limit, and stores nothing', async () => {
    const res = await send(quick({ surveyId: 'sipas-2017', answers: { suggestion: 'x'.repeat(70_000) } }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(await stored()).toHaveLength(0);
  });

  it('stores no IP address, cookie or dossier number with a response', async () => {
    await send(quick(), { 'x-forwarded-for': '203.0.113.7', cookie: `${admin.headers.cookie}; track=abc123` });
    const [row] = await stored();
    expect(JSON.stringify(row)).not.toMatch(/203\.0\.113\.7|abc123/);
  });
});

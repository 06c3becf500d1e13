import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { signIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

describe.each(dialects)('POST /api/invitations on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-10T03:00:00Z') });
  });
  afterEach(() => t.close());
  const db = () => t.database.handle.db;
  const invitations = () => db().selectFrom('invitations').selectAll().execute();
  const counters = async () => (await db().selectFrom('dossier_counts').selectAll().execute()).map(({ unit_code, procedure_code, return_date, ...n }) => ({ key: `${unit_code}/${procedure_code}/${return_date}`, ...n }));

  it('creates an invitation for a returned dossier: token, URL, short code and QR code', async () => {
    const { headers } = await apiKeyHeaders(t, ['MC']);
    const res = await t.call('POST', '/api/invitations', invitationRequest(), headers);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'created',
      unit: { code: 'MC-Q1', name: { vi: 'Quầy số 1 - Đầu tư, Xây dựng' } },
      procedure: { code: 'DT-01' },
      official: { code: 'CB-01' },
      survey: 'sipas-2017',
      receivedDate: '2026-03-02',
      dueDate: '2026-03-12',
      returnDate: '2026-03-10',
      timing: 'on_time',
      createdDate: '2026-03-10',
      expiresAt: '2026-04-09T17:00:00.000Z', // valid through 9 April, 30 days after the 10th (Vietnam time)
    });
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 bits, URL-safe
    expect(res.body.url).toBe(`http://sipas.test/s/${res.body.token}`);
    expect(res.body.shortUrl).toBe('http://sipas.test/s');
    expect(res.body.shortCode).toMatch(/^\d{4} \d{4} \d{4}$/);
    expect(res.body.qrSvg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
  });

  it('gives the same invitation when the same dossier is sent twice, and counts the dossier once', async () => {
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    const body = invitationRequest({ dossierCode: 'HS-2026-0001' });
    const first = await t.call('POST', '/api/invitations', body, headers);
    // The same number written with other case and spaces, and with other details: still the same dossier.
    const second = await t.call('POST', '/api/invitations', { ...body, dossierCode: '  hs-2026-0001 ', official: 'CB-02' }, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('existing');
    for (const field of ['id', 'token', 'shortCode', 'url']) expect(second.body[field]).toBe(first.body[field]);
    expect(second.body.official.code).toBe('CB-01');
    expect(await invitations()).toHaveLength(1);
    expect(await counters()).toEqual([{ key: 'MC-Q1/DT-01/2026-03-10', dossiers: 1, with_due: 1, on_time: 1, late: 0, rated: 0, dissatisfied: 0, dissatisfied_not_late: 0 }]);
  });

  it('gives one invitation when the same dossier arrives many times at once', async () => {
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    const body = invitationRequest({ dossierCode: 'HS-RACE' });
    const results = await Promise.all(Array.from({ length: 12 }, () => t.call('POST', '/api/invitations', body, headers)));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(11).fill(200), 201]);
    expect(new Set(results.map((r) => r.body.token)).size).toBe(1);
    expect(await invitations()).toHaveLength(1);
    expect((await counters())[0]!.dossiers).toBe(1);
  });

  it('stores the dossier number only as a keyed hash, and the token and code only hashed', async () => {
    const { headers } = await apiKeyHeaders(t, ['MC']);
    const res = await t.call('POST', '/api/invitations', invitationRequest({ dossierCode: 'HS-SECRET-77' }), headers);
    const everything = JSON.stringify(await invitations()).toUpperCase();
    expect(everything).not.toContain('HS-SECRET-77');
    expect(everything).not.toContain(res.body.token.toUpperCase());
    expect(everything).not.toContain(res.body.shortCode.replace(/ /g, ''));
  });

  it('counts late and on-time dossiers per unit, procedure and Vietnam date of return', async () => {
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    const send = (o: Record<string, unknown>) => t.call('POST', '/api/invitations', invitationRequest(o), headers);
    expect((await send({ dueAt: '2026-03-09' })).body.timing).toBe('late');
    // Due on the 9th by calendar date: returned at 23:30 Vietnam time on the 9th is on time.
    expect((await send({ dueAt: '2026-03-09', returnedAt: '2026-03-09T16:30:00Z' })).body.timing).toBe('on_time');
    expect((await send({ dueAt: undefined })).body.timing).toBe('unknown');
    // Due at 06:00 on the 10th (an instant), returned at 08:30: late by two and a half hours.
    expect((await send({ dueAt: '2026-03-09T23:00:00Z', returnedAt: '2026-03-10T01:30:00Z' })).body.timing).toBe('late');
    expect((await send({ procedure: 'LD-01', unit: 'MC-Q2', returnedAt: '2026-03-09', dueAt: '2026-03-09' })).body.timing).toBe('on_time');
    const none = { rated: 0, dissatisfied: 0, dissatisfied_not_late: 0 };
    expect(await counters()).toEqual(
      expect.arrayContaining([
        { key: 'MC-Q1/DT-01/2026-03-10', dossiers: 3, with_due: 2, on_time: 0, late: 2, ...none },
        { key: 'MC-Q1/DT-01/2026-03-09', dossiers: 1, with_due: 1, on_time: 1, late: 0, ...none },
        { key: 'MC-Q2/LD-01/2026-03-09', dossiers: 1, with_due: 1, on_time: 1, late: 0, ...none },
      ]),
    );
    expect(await counters()).toHaveLength(3);
  });

  it('takes the return time as now when returnedAt is left out', async () => {
    const { headers } = await apiKeyHeaders(t, ['MC']);
    const res = await t.call('POST', '/api/invitations', invitationRequest({ returnedAt: undefined, receivedAt: undefined }), headers);
    expect(res.body.returnDate).toBe('2026-03-10');
    expect(res.body.timing).toBe('on_time');
  });

  it('answers 400 naming every bad field, and stores nothing', async () => {
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    const shape = await t.call('POST', '/api/invitations', { dossierCode: '', unit: 5, dueAt: '2026-13-01', extra: 1 }, headers);
    expect(shape.status).toBe(400);
    expect(shape.body.error.code).toBe('invalid_request');
    expect(shape.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['(body)', 'dossierCode', 'dueAt', 'procedure', 'unit']);
    const codes = await t.call('POST', '/api/invitations', invitationRequest({ unit: 'NOPE', procedure: 'P-0', official: 'CB-99', survey: 'nope' }), headers);
    expect(codes.status).toBe(400);
    expect(codes.body.error.issues.map((i: { code: string }) => i.code)).toEqual(['unknown_unit', 'unknown_procedure', 'unknown_official', 'unknown_survey']);
    const dates = await t.call('POST', '/api/invitations', invitationRequest({ returnedAt: '2026-03-11', receivedAt: '2026-03-12' }), headers);
    expect(dates.body.error.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`)).toEqual(['returnedAt:in_future', 'receivedAt:in_future', 'receivedAt:after_return']);
    expect(await invitations()).toHaveLength(0);
    expect(await counters()).toHaveLength(0);
  });

  it('refuses an official of another unit, whoever asks, and stores nothing', async () => {
    const { headers } = await apiKeyHeaders(t, ['MC']);
    // CB-05 works in the investment department, not at counter 1.
    const res = await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q1', official: 'CB-05' }), headers);
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: 'official', code: 'official_not_in_unit' })]);
    const admin = await signIn(t, 'root', 'admin');
    expect((await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q2', official: 'CB-01' }), admin.headers)).status).toBe(400);
    expect(await invitations()).toEqual([]);
    // An official of a unit below the one named belongs to it.
    expect((await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC', official: 'CB-01' }), headers)).status).toBe(201);
  });

  it('needs a signed-in admin or manager, or an API key', async () => {
    expect((await t.call('POST', '/api/invitations', invitationRequest())).body.error.code).toBe('not_signed_in');
    const bad = await t.call('POST', '/api/invitations', invitationRequest(), { authorization: 'Bearer sipas_nope' });
    expect(bad).toMatchObject({ status: 401, body: { error: { code: 'invalid_api_key' } } });
    const viewer = await signIn(t, 'xem', 'viewer', 'MC');
    expect((await t.call('POST', '/api/invitations', invitationRequest(), viewer.headers)).status).toBe(403);
    const manager = await signIn(t, 'quanly', 'manager', 'MC');
    const created = await t.call('POST', '/api/invitations', invitationRequest(), manager.headers);
    expect(created.status).toBe(201);
    expect((await invitations())[0]!.created_by).toBe('staff:quanly');
    // The CSRF header is required of a session, as for every staff change.
    const { 'x-csrf-token': _, ...cookieOnly } = manager.headers;
    expect((await t.call('POST', '/api/invitations', invitationRequest(), cookieOnly)).body.error.code).toBe('csrf');
  });

  it('keeps an API key to its units: one scoped to one unit cannot invite for another', async () => {
    const { headers, id } = await apiKeyHeaders(t, ['MC-Q1']);
    expect((await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q1' }), headers)).status).toBe(201);
    const other = await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q2' }), headers);
    expect(other).toMatchObject({ status: 403, body: { error: { code: 'unit_not_allowed' } } });
    const parent = await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC' }), headers);
    expect(parent.status).toBe(403);
    expect(await invitations()).toHaveLength(1);
    expect((await invitations())[0]!.created_by).toBe(`key:${id}`);
  });

  it('does not hand out another unit\'s invitation for the same dossier', async () => {
    const q1 = await apiKeyHeaders(t, ['MC-Q1']);
    const q2 = await apiKeyHeaders(t, ['MC-Q2']);
    await t.call('POST', '/api/invitations', invitationRequest({ dossierCode: 'HS-9', unit: 'MC-Q1' }), q1.headers);
    const res = await t.call('POST', '/api/invitations', invitationRequest({ dossierCode: 'HS-9', unit: 'MC-Q2' }), q2.headers);
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'dossier_in_other_unit' } } });
    expect(JSON.stringify(res.body)).not.toMatch(/token|shortCode/);
  });

  it('stops a revoked key at once', async () => {
    const admin = await signIn(t, 'quantri', 'admin');
    const { headers, id } = await apiKeyHeaders(t, ['MC']);
    expect((await t.call('POST', '/api/invitations', invitationRequest(), headers)).status).toBe(201);
    expect((await t.call('POST', `/api/api-keys/${id}/revoke`, {}, admin.headers)).status).toBe(200);
    const after = await t.call('POST', '/api/invitations', invitationRequest(), headers);
    expect(after).toMatchObject({ status: 401, body: { error: { code: 'invalid_api_key' } } });
    expect((await t.call('GET', '/slips/00000000-0000-4000-8000-000000000000', undefined, headers)).status).toBe(401);
    expect(await invitations()).toHaveLength(1);
  });

  it('reads one invitation back for a reprint, within the caller\'s units only', async () => {
    const q1 = await apiKeyHeaders(t, ['MC-Q1']);
    const q2 = await apiKeyHeaders(t, ['MC-Q2']);
    const created = await t.call('POST', '/api/invitations', invitationRequest(), q1.headers);
    const again = await t.call('GET', `/api/invitations/${created.body.id}`, undefined, q1.headers);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ token: created.body.token, shortCode: created.body.shortCode, status: 'existing' });
    expect((await t.call('GET', `/api/invitations/${created.body.id}`, undefined, q2.headers)).status).toBe(404);
  });

  it('lists the day\'s invitations of the caller\'s units, without saying which were answered', async () => {
    const q1 = await apiKeyHeaders(t, ['MC-Q1']);
    const all = await apiKeyHeaders(t, ['BQL']);
    await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q1' }), all.headers);
    await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q2' }), all.headers);
    expect((await t.call('GET', '/api/invitations', undefined, all.headers)).body).toHaveLength(2);
    const mine = await t.call('GET', '/api/invitations', undefined, q1.headers);
    expect(mine.body.map((i: { unit: string }) => i.unit)).toEqual(['MC-Q1']);
    expect(Object.keys(mine.body[0]).sort()).toEqual(['createdDate', 'expiresAt', 'id', 'official', 'procedure', 'returnDate', 'survey', 'timing', 'unit']);
    expect((await t.call('GET', '/api/invitations?from=2026-03-11&to=2026-03-12', undefined, all.headers)).body).toHaveLength(0);
    expect((await t.call('GET', '/api/invitations?unit=MC-Q2', undefined, q1.headers)).status).toBe(403);
  });
});

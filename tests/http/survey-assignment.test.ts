import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';
import { surveyDefsDir } from '../../server/paths';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { enrolTestDevice } from '../helpers/kiosk-device';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

const sipas2023 = loadSurveyDefs(surveyDefsDir).find((d) => d.id === 'sipas-2023')!;
const partCriteria = (part: string) => {
  const elements = sipas2023.groups.find((g) => g.id === part)!.elements;
  return sipas2023.elements.filter((e) => elements.includes(e.id)).flatMap((e) => e.criteria.map((c) => c.id));
};
const rateAll = (ids: string[], value = 4) => Object.fromEntries(ids.map((id) => [id, value]));
const SERVICES = partCriteria('services');
const POLICY = partCriteria('policy');

describe.each(dialects)('which questionnaire and parts units, kiosks and invitations ask, on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-06-01T02:00:00Z') });
    admin = await signIn(t, 'root', 'admin');
  });
  afterEach(() => t.close());
  const db = () => t.database.handle.db;
  const full = (answers: Record<string, unknown>) => ({ id: randomUUID(), surveyId: 'sipas-2023', answers, channel: 'kiosk', submittedAt: '2026-06-01T01:59:00Z' });
  const setUnit = (code: string, body: unknown, who = admin) => t.call('PUT', `/api/staff/organisation/units/${code}/survey`, body, who.headers);

  it('a kiosk set to sipas-2023 services: refuses policy answers as not_asked and takes services-only answers', async () => {
    const device = await enrolTestDevice(t, { unit: 'MC-Q1', surveyId: 'sipas-2023', surveyParts: ['services'] });
    expect(device.config.survey).toEqual({ id: 'sipas-2023', parts: ['services'] });

    const everything = await t.call('POST', '/api/responses', full({ ...rateAll(SERVICES), ...rateAll(POLICY) }), device.headers);
    expect(everything.status).toBe(400);
    const refused = everything.body.error.issues.filter((i: { code: string }) => i.code === 'not_asked').map((i: { path: string }) => i.path);
    expect(refused.sort()).toEqual(POLICY.map((id) => `answers.${id}`).sort());

    const services = await t.call('POST', '/api/responses', full({ ...rateAll(SERVICES, 5), gender: 'female' }), device.headers);
    expect(services.status).toBe(201);
    const rows = await db().selectFrom('responses').select(['survey_id', 'device_id']).execute();
    expect(rows).toEqual([{ survey_id: 'sipas-2023', device_id: device.id }]);

    // Counted for the services part only: the policy index has no answer to count.
    const scores = await t.call('GET', '/api/scores?survey=sipas-2023&from=2026-06-01&to=2026-06-01&unit=MC-Q1&service=0', undefined, admin.headers);
    expect(scores.status).toBe(200);
    const groups = Object.fromEntries(scores.body.groups.map((g: { id: string; index: number | null; n: number }) => [g.id, g]));
    expect(groups.services).toMatchObject({ index: 100 });
    expect(groups.policy).toMatchObject({ index: null, n: 0 });
  });

  it('a unit default is inherited by a child unit and a kiosk there, and a kiosk may set its own over it', async () => {
    expect((await setUnit('MC', { surveyId: 'sipas-2023', surveyParts: ['services', 'services'] })).body).toEqual({
      code: 'MC', survey: { surveyId: 'sipas-2023', parts: ['services'] }, asks: { surveyId: 'sipas-2023', parts: ['services'], source: 'unit', from: 'MC' },
    });
    const org = await t.call('GET', '/api/staff/organisation', undefined, admin.headers);
    const q2 = org.body.units.find((u: { code: string }) => u.code === 'MC-Q2');
    expect(q2).toMatchObject({ survey: null, asks: { surveyId: 'sipas-2023', parts: ['services'], source: 'unit', from: 'MC' } });
    expect(org.body.units.find((u: { code: string }) => u.code === 'QLDT').asks).toEqual({ surveyId: 'sipas-2017', parts: null, source: 'default', from: null });

    const inherits = await enrolTestDevice(t, { unit: 'MC-Q2' });
    expect(inherits.config.survey).toEqual({ id: 'sipas-2023', parts: ['services'] });
    const policy = await t.call('POST', '/api/responses', full({ pol_acc_explain: 4 }), inherits.headers);
    expect(policy.body.error.issues).toEqual([expect.objectContaining({ path: 'answers.pol_acc_explain', code: 'not_asked' })]);
    expect((await t.call('POST', '/api/responses', full({ svc_off_polite: 5 }), inherits.headers)).status).toBe(201);

    // Its own setting wins over the unit's; cleared, the unit's applies again, at the next heartbeat too.
    const own = await enrolTestDevice(t, { unit: 'MC-Q2', surveyId: 'sipas-2017' });
    expect(own.config.survey).toEqual({ id: 'sipas-2017', parts: null });
    const patched = await t.call('PATCH', `/api/kiosk-devices/${own.id}`, { surveyId: 'sipas-2023', surveyParts: ['policy'] }, admin.headers);
    expect(patched.body.device).toMatchObject({ survey: { surveyId: 'sipas-2023', parts: ['policy'] }, asks: { surveyId: 'sipas-2023', parts: ['policy'], source: 'device' } });
    expect((await t.call('POST', '/api/responses', full({ pol_acc_explain: 4 }), own.headers)).status).toBe(201);
    await t.call('PATCH', `/api/kiosk-devices/${own.id}`, { surveyId: null }, admin.headers);
    const beat = await t.call('POST', '/api/kiosk/heartbeat', { queued: 0 }, own.headers);
    expect(beat.body.device.survey).toEqual({ id: 'sipas-2023', parts: ['services'] });

    // Cleared on the unit: the default again.
    await setUnit('MC', { surveyId: null });
    expect((await t.call('POST', '/api/kiosk/heartbeat', { queued: 0 }, inherits.headers)).body.device.survey).toEqual({ id: 'sipas-2017', parts: null });
  });

  it('refuses an unknown questionnaire, the quick rating and parts the questionnaire does not have, with the field named', async () => {
    expect(await setUnit('MC', { surveyId: 'sipas-1999' })).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'surveyId', code: 'unknown_survey' }] } } });
    expect(await setUnit('MC', { surveyId: 'counter-quick' })).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'surveyId', code: 'unknown_survey' }] } } });
    expect(await setUnit('MC', { surveyId: 'sipas-2023', surveyParts: ['household'] })).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'surveyParts', code: 'unknown_part' }] } } });
    expect(await setUnit('MC', { surveyId: 'sipas-2017', surveyParts: ['services'] })).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'surveyParts', code: 'unknown_part' }] } } });
    expect(await setUnit('MC', { surveyId: null, surveyParts: ['services'] })).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'surveyId', code: 'missing_required' }] } } });
    expect(await setUnit('NOWHERE', { surveyId: 'sipas-2023' })).toMatchObject({ status: 404, body: { error: { code: 'unknown_unit' } } });
    const register = await t.call('POST', '/api/kiosk-devices', { name: 'Máy', unit: 'MC-Q1', surveyId: 'sipas-2023', surveyParts: ['nope'] }, admin.headers);
    expect(register).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'surveyParts', code: 'unknown_part' }] } } });
    expect(await db().selectFrom('kiosk_devices').select('id').execute()).toEqual([]);
    expect((await db().selectFrom('units').select('survey_id').where('survey_id', 'is not', null).execute())).toEqual([]);
  });

  it('a manager cannot set the questionnaire of a unit outside theirs, nor of a kiosk there', async () => {
    const manager = await signIn(t, 'mc-manager', 'manager', 'MC');
    expect(await setUnit('QLDT', { surveyId: 'sipas-2023', surveyParts: ['policy'] }, manager)).toMatchObject({ status: 403, body: { error: { code: 'unit_out_of_scope' } } });
    expect(await setUnit('BQL', { surveyId: 'sipas-2023' }, manager)).toMatchObject({ status: 403, body: { error: { code: 'unit_out_of_scope' } } });
    const elsewhere = await enrolTestDevice(t, { unit: 'QLDT' });
    expect((await t.call('PATCH', `/api/kiosk-devices/${elsewhere.id}`, { surveyId: 'sipas-2023', surveyParts: ['policy'] }, manager.headers)).status).toBe(404);
    expect((await db().selectFrom('units').select('survey_id').where('code', 'in', ['QLDT', 'BQL']).execute()).every((u) => u.survey_id === null)).toBe(true);
    // Within their units it works, and is audited.
    expect((await setUnit('MC-Q1', { surveyId: 'sipas-2023', surveyParts: ['services'] }, manager)).status).toBe(200);
    const audit = await db().selectFrom('audit_log').select(['actor', 'action', 'target']).where('action', '=', 'unit.survey').execute();
    expect(audit).toEqual([{ actor: 'mc-manager', action: 'unit.survey', target: 'MC-Q1' }]);
  });

  it('an invitation with the policy part: asks it on the phone page and refuses service answers', async () => {
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    const issued = await t.call('POST', '/api/invitations', invitationRequest({ survey: 'sipas-2023', surveyParts: ['policy'] }), headers);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ survey: 'sipas-2023', surveyParts: ['policy'] });
    const token = issued.body.token;
    expect((await t.call('GET', `/api/invitation-tokens/${token}`)).body.surveys).toEqual({ quick: 'counter-quick', full: 'sipas-2023', parts: ['policy'] });
    const answer = (answers: Record<string, unknown>) => t.call('POST', `/api/invitation-tokens/${token}/responses`, { id: randomUUID(), surveyId: 'sipas-2023', answers });
    const services = await answer({ ...rateAll(POLICY), svc_off_polite: 5 });
    expect(services).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'answers.svc_off_polite', code: 'not_asked' }] } } });
    expect((await answer(rateAll(POLICY))).status).toBe(201);

    // Left out, the invitation takes its unit's setting when issued, and keeps it afterwards.
    await setUnit('MC', { surveyId: 'sipas-2023', surveyParts: ['services'] });
    const fromUnit = await t.call('POST', '/api/invitations', invitationRequest(), headers);
    expect(fromUnit.body).toMatchObject({ survey: 'sipas-2023', surveyParts: ['services'] });
    await setUnit('MC', { surveyId: null });
    expect((await t.call('GET', `/api/invitation-tokens/${fromUnit.body.token}`)).body.surveys.parts).toEqual(['services']);
    const bad = await t.call('POST', '/api/invitations', invitationRequest({ survey: 'sipas-2023', surveyParts: ['elsewhere'] }), headers);
    expect(bad).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'surveyParts', code: 'unknown_part' }] } } });
  });

  it("a unit's open link asks what the unit's setting names (here inherited from its parent) and refuses the other parts", async () => {
    expect((await setUnit('MC', { surveyId: 'sipas-2023', surveyParts: ['services'] })).status).toBe(200);
    expect((await t.call('PUT', '/api/open-links/MC-Q1', { enabled: true }, admin.headers)).status).toBe(200);
    const link = await t.call('GET', '/api/open-links/MC-Q1');
    expect(link.body.surveys).toEqual({ quick: 'counter-quick', full: 'sipas-2023', parts: ['services'] });
    const web = (answers: Record<string, unknown>) => t.call('POST', '/api/responses', { ...full(answers), channel: 'web', unit: 'MC-Q1', browser: 'browser-0001' });
    const policy = await web({ ...rateAll(SERVICES), ...rateAll(POLICY) });
    expect(policy.status).toBe(400);
    expect(policy.body.error.issues.filter((i: { code: string }) => i.code === 'not_asked').map((i: { path: string }) => i.path).sort()).toEqual(POLICY.map((id) => `answers.${id}`).sort());
    expect((await web(rateAll(SERVICES))).status).toBe(201);
    expect(await db().selectFrom('responses').select(['survey_id', 'channel', 'unit_code']).execute()).toEqual([{ survey_id: 'sipas-2023', channel: 'web', unit_code: 'MC-Q1' }]);
  });
});

import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrolTestDevice } from '../helpers/kiosk-device';
import { signIn } from '../helpers/staff-session';
import { createAppOn, createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';
import { countedResponses } from '../helpers/answer-count-rows';

// The submit path keeps the organisation and the kiosk devices in memory (server/responses/
// lookups.ts). Two app servers on one database: what an admin changes on one must hold on the
// other at its very next answer, though that one had the old state in memory.
describe.each(dialects)('what the submit path keeps in memory, with two app servers on one %s database', (dialect) => {
  let a: TestApp;
  let b: TestApp;
  beforeEach(async () => {
    a = await createTestApp(dialect, { now: new Date('2026-06-01T02:00:00Z') });
    b = await createAppOn(a.database.config, { now: a.clock.now });
  });
  afterEach(async () => {
    await b.close();
    await a.close();
  });
  const quick = (extra: Record<string, unknown> = {}) => ({ id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 3 }, ...extra });
  const stored = () => a.database.handle.db.selectFrom('responses').select(['unit_code', 'channel']).orderBy('received_at').execute();
  const counted = () => countedResponses(a.database.handle.db);

  it('refuses the next answer of a device revoked on the other server', async () => {
    const device = await enrolTestDevice(a, { unit: 'MC-Q2' });
    // Enrolled on A after B read its snapshot? B has none yet; this answer makes it read one.
    expect((await b.call('POST', '/api/responses', quick({ channel: 'kiosk' }), device.headers)).status).toBe(201);
    const admin = await signIn(a, 'root', 'admin');
    expect((await a.call('POST', `/api/kiosk-devices/${device.id}/revoke`, undefined, admin.headers)).status).toBe(200);
    // The attack: the stolen tablet keeps sending to the server that still remembers it.
    const refused = await b.call('POST', '/api/responses', quick({ channel: 'kiosk' }), device.headers);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'device_revoked' } } });
    expect(await stored()).toEqual([{ unit_code: 'MC-Q2', channel: 'kiosk' }]);
    expect(await counted()).toBe(1);
  });

  it('takes answers from a device enrolled on the other server after its snapshot was read', async () => {
    const first = await enrolTestDevice(a, { unit: 'MC-Q1' });
    expect((await b.call('POST', '/api/responses', quick({ channel: 'kiosk' }), first.headers)).status).toBe(201);
    const second = await enrolTestDevice(a, { unit: 'MC-Q2' });
    expect((await b.call('POST', '/api/responses', quick({ channel: 'kiosk' }), second.headers)).status).toBe(201);
    expect(await stored()).toEqual([{ unit_code: 'MC-Q1', channel: 'kiosk' }, { unit_code: 'MC-Q2', channel: 'kiosk' }]);
  });

  it('refuses the next answer about an official retired on the other server', async () => {
    const adminA = await signIn(a, 'root', 'admin');
    const adminB = await signIn(b, 'lan', 'admin');
    const paper = () => b.call('POST', '/api/responses', quick({ channel: 'paper', unit: 'MC-Q1', official: 'CB-01' }), adminB.headers);
    expect((await paper()).status).toBe(201);
    expect((await a.call('PATCH', '/api/staff/organisation/officials/CB-01', { active: false }, adminA.headers)).status).toBe(200);
    const refused = await paper();
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues.map((i: { code: string }) => i.code)).toEqual(['official_retired']);
    expect(await stored()).toEqual([{ unit_code: 'MC-Q1', channel: 'paper' }]);
    expect(await counted()).toBe(1);
  });

  it('refuses the next answer to a questionnaire version retired on the other server', async () => {
    const adminA = await signIn(a, 'root', 'admin');
    const adminB = await signIn(b, 'lan', 'admin');
    const paper = () => b.call('POST', '/api/responses', { id: randomUUID(), surveyId: 'sipas-2017', surveyVersion: 1, channel: 'paper', unit: 'MC-Q1', answers: { access_seats: 4 } }, adminB.headers);
    expect((await paper()).status).toBe(201);
    expect((await a.call('POST', '/api/staff/surveys/sipas-2017/versions/1/retire', undefined, adminA.headers)).status).toBe(200);
    // B serves no other request in between: only the batch's generation check can tell it.
    const refused = await paper();
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'survey_retired' } } });
    expect(await stored()).toEqual([{ unit_code: 'MC-Q1', channel: 'paper' }]);
  });
});

import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENROL_LIMIT } from '../../server/routes/kiosk';
import { enrolTestDevice, registerTestDevice } from '../helpers/kiosk-device';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

describe.each(dialects)('registering and enrolling kiosk devices on %s', (dialect) => {
  let t: TestApp;
  let manager: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-06-01T02:00:00Z') });
    manager = await signIn(t, 'hoa', 'manager', 'MC');
  });
  afterEach(() => t.close());
  const db = () => t.database.handle.db;
  const list = async (who: SignedIn = manager) => (await t.call('GET', '/api/kiosk-devices', undefined, who.headers)).body.devices;
  const deviceRows = () => db().selectFrom('kiosk_devices').selectAll().execute();

  it('registers a device with a one-time code and QR, then enrols the tablet once', async () => {
    const res = await t.call('POST', '/api/kiosk-devices', { name: '  Máy quầy 1 ', unit: 'MC-Q1', official: 'CB-01', repeatSeconds: 20 }, manager.headers);
    expect(res.status).toBe(201);
    const { device, enrolment } = res.body;
    expect(device).toMatchObject({
      name: 'Máy quầy 1',
      unit: { code: 'MC-Q1', nameVi: 'Quầy số 1 - Đầu tư, Xây dựng' },
      official: { code: 'CB-01', name: 'Hoàng Thị Lan' },
      status: 'pending',
      settings: { thanksSeconds: 8, idleSeconds: 60, repeatSeconds: 20 },
      enrolmentCodeExpiresAt: '2026-06-02T02:00:00.000Z',
      createdBy: 'hoa',
    });
    expect(enrolment.code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(enrolment.url).toBe(`http://sipas.test/kiosk#enrol=${enrolment.code}`);
    expect(enrolment.qr).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(decodeURIComponent(enrolment.qr)).toContain('<svg');

    // Typed on the tablet in capitals with spaces: still the code.
    const enrol = await t.call('POST', '/api/kiosk/enrol', { code: ` ${enrolment.code.toUpperCase().replaceAll('-', ' ')} ` });
    expect(enrol.status).toBe(200);
    expect(enrol.body.credential).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(enrol.body.device).toEqual({
      deviceId: device.id,
      name: 'Máy quầy 1',
      unit: { code: 'MC-Q1', name: { vi: 'Quầy số 1 - Đầu tư, Xây dựng', en: 'Counter 1 – Investment and construction' } },
      official: { code: 'CB-01', name: 'Hoàng Thị Lan' },
      settings: { thanksSeconds: 8, idleSeconds: 60, repeatSeconds: 20 },
      survey: { id: 'sipas-2017', parts: null },
      versions: { quick: 1, full: 1 },
    });
    const again = await t.call('POST', '/api/kiosk/enrol', { code: enrolment.code });
    expect(again).toMatchObject({ status: 400, body: { error: { code: 'invalid_code' } } });

    const [shown] = await list();
    expect(shown).toMatchObject({ status: 'active', enrolledAt: '2026-06-01T02:00:00.000Z', enrolmentCodeExpiresAt: null });
    // Neither the code nor the credential is stored in clear.
    const stored = JSON.stringify(await deviceRows());
    expect(stored).not.toContain(enrolment.code);
    expect(stored).not.toContain(enrol.body.credential);
    const audit = await db().selectFrom('audit_log').select(['actor', 'action', 'target']).where('target', '=', device.id).orderBy('action').execute();
    expect(audit).toEqual([
      { actor: 'device', action: 'kiosk.enrol', target: device.id },
      { actor: 'hoa', action: 'kiosk.register', target: device.id },
    ]);
  });

  it('refuses an expired code, and a replaced one, and makes a new code that works', async () => {
    const { id, code } = await registerTestDevice(t, { unit: 'MC-Q2' }, manager);
    t.clock.now = new Date(t.clock.now.getTime() + 25 * 3_600_000);
    expect((await t.call('POST', '/api/kiosk/enrol', { code })).body.error.code).toBe('invalid_code');
    manager = await signIn(t, 'hoa-next-day', 'manager', 'MC'); // yesterday's session has ended
    const fresh = await t.call('POST', `/api/kiosk-devices/${id}/enrolment`, undefined, manager.headers);
    expect(fresh.status).toBe(200);
    expect(fresh.body.enrolment.code).not.toBe(code);
    const second = await t.call('POST', `/api/kiosk-devices/${id}/enrolment`, undefined, manager.headers);
    expect((await t.call('POST', '/api/kiosk/enrol', { code: fresh.body.enrolment.code })).status).toBe(400);
    expect((await t.call('POST', '/api/kiosk/enrol', { code: second.body.enrolment.code })).status).toBe(200);
  });

  it('re-enrolling replaces the old credential', async () => {
    const first = await enrolTestDevice(t, { unit: 'MC-Q1' }, manager);
    const fresh = await t.call('POST', `/api/kiosk-devices/${first.id}/enrolment`, undefined, manager.headers);
    // Until the new code is used, the tablet keeps working.
    expect((await t.call('POST', '/api/kiosk/heartbeat', { queued: 0 }, first.headers)).status).toBe(200);
    const enrol = await t.call('POST', '/api/kiosk/enrol', { code: fresh.body.enrolment.code });
    expect(enrol.body.device.deviceId).toBe(first.id);
    expect((await t.call('POST', '/api/kiosk/heartbeat', { queued: 0 }, first.headers)).body.error.code).toBe('unknown_device');
    expect((await t.call('POST', '/api/kiosk/heartbeat', { queued: 0 }, { authorization: `Kiosk ${enrol.body.credential}` })).status).toBe(200);
  });

  it('limits wrong enrolment codes per address', async () => {
    const { code } = await registerTestDevice(t, { unit: 'MC-Q1' }, manager);
    const from = (address: string, typed: string) => t.call('POST', '/api/kiosk/enrol', { code: typed }, { 'x-forwarded-for': address });
    for (let i = 0; i < ENROL_LIMIT.limit; i++) expect((await from('198.51.100.4', `aaaa-bbbb-${String(i).padStart(4, 'c')}`)).status).toBe(400);
    const blocked = await from('198.51.100.4', code);
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'too_many_attempts' } } });
    expect((await from('198.51.100.5', code)).status).toBe(200);
  });

  it('shows each manager only the devices of their units, and lets only managers change them', async () => {
    const mine = await registerTestDevice(t, { unit: 'MC-Q2', name: 'Quầy 2' }, manager);
    const other = await signIn(t, 'tuan', 'manager', 'QLDT');
    const theirs = await registerTestDevice(t, { unit: 'QLDT', name: 'Phòng đầu tư' }, other);
    expect((await list()).map((d: { name: string }) => d.name)).toEqual(['Quầy 2']);
    expect((await list(other)).map((d: { name: string }) => d.name)).toEqual(['Phòng đầu tư']);
    const admin = await signIn(t, 'root', 'admin');
    expect(await list(admin)).toHaveLength(2);

    const outside = await t.call('POST', '/api/kiosk-devices', { name: 'x', unit: 'QLDT' }, manager.headers);
    expect(outside).toMatchObject({ status: 403, body: { error: { code: 'unit_out_of_scope' } } });
    expect((await t.call('POST', `/api/kiosk-devices/${theirs.id}/revoke`, undefined, manager.headers)).status).toBe(404);
    expect((await t.call('PATCH', `/api/kiosk-devices/${theirs.id}`, { idleSeconds: 90 }, manager.headers)).status).toBe(404);

    const viewer = await signIn(t, 'lan', 'viewer', 'MC');
    expect((await list(viewer)).map((d: { name: string }) => d.name)).toEqual(['Quầy 2']);
    expect((await t.call('POST', '/api/kiosk-devices', { name: 'x', unit: 'MC-Q1' }, viewer.headers)).status).toBe(403);
    expect((await t.call('POST', `/api/kiosk-devices/${mine.id}/revoke`, undefined, viewer.headers)).status).toBe(403);
    expect((await t.call('GET', '/api/kiosk-devices')).status).toBe(401);
    const noCsrf = await t.call('POST', `/api/kiosk-devices/${mine.id}/revoke`, undefined, { cookie: manager.headers.cookie! });
    expect(noCsrf).toMatchObject({ status: 403, body: { error: { code: 'csrf' } } });
    expect((await list())[0].status).toBe('pending');
  });

  it('offers managers the units and officials they may choose from', async () => {
    const res = await t.call('GET', '/api/kiosk-devices/choices', undefined, manager.headers);
    expect(res.body.units.map((u: { code: string }) => u.code)).toEqual(['MC', 'MC-Q1', 'MC-Q2']);
    expect(res.body.officials.map((o: { code: string }) => o.code)).toEqual(['CB-01', 'CB-02', 'CB-03', 'CB-04']);
    expect(res.body.defaults).toEqual({ thanksSeconds: 8, idleSeconds: 60, repeatSeconds: 15 });
  });

  it('changes settings, revokes, and keeps a revoked device revoked', async () => {
    const device = await enrolTestDevice(t, { unit: 'MC-Q1' }, manager);
    const patched = await t.call('PATCH', `/api/kiosk-devices/${device.id}`, { name: 'Máy mới', thanksSeconds: 12, repeatSeconds: 0 }, manager.headers);
    expect(patched.body.device).toMatchObject({ name: 'Máy mới', settings: { thanksSeconds: 12, idleSeconds: 60, repeatSeconds: 0 } });
    const heartbeat = await t.call('POST', '/api/kiosk/heartbeat', { queued: 2 }, device.headers);
    expect(heartbeat.body.device.settings).toEqual({ thanksSeconds: 12, idleSeconds: 60, repeatSeconds: 0 });

    const revoked = await t.call('POST', `/api/kiosk-devices/${device.id}/revoke`, undefined, manager.headers);
    expect(revoked.body.device).toMatchObject({ status: 'revoked', revokedAt: '2026-06-01T02:00:00.000Z' });
    expect((await t.call('POST', '/api/kiosk/heartbeat', { queued: 0 }, device.headers))).toMatchObject({ status: 403, body: { error: { code: 'device_revoked' } } });
    expect((await t.call('POST', `/api/kiosk-devices/${device.id}/enrolment`, undefined, manager.headers)).body.error.code).toBe('device_revoked');
    expect((await t.call('PATCH', `/api/kiosk-devices/${device.id}`, { idleSeconds: 30 }, manager.headers)).status).toBe(409);
    expect((await t.call('POST', `/api/kiosk-devices/${device.id}/revoke`, undefined, manager.headers)).status).toBe(200);
  });

  it('answers 400 naming the field for bad registrations and settings, and creates nothing', async () => {
    const bad = await t.call('POST', '/api/kiosk-devices', { name: '', unit: 'MC-Q1', idleSeconds: 5, thanksSeconds: 1.5, extra: 1 }, manager.headers);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['(body)', 'idleSeconds', 'name', 'thanksSeconds']);
    const wrongOfficial = await t.call('POST', '/api/kiosk-devices', { name: 'x', unit: 'MC-Q1', official: 'CB-05' }, manager.headers);
    expect(wrongOfficial.body.error.issues).toEqual([expect.objectContaining({ path: 'official', code: 'unknown_official' })]);
    const admin = await signIn(t, 'root', 'admin');
    const noUnit = await t.call('POST', '/api/kiosk-devices', { name: 'x', unit: 'NOPE' }, admin.headers);
    expect(noUnit.body.error.issues).toEqual([expect.objectContaining({ path: 'unit', code: 'unknown_unit' })]);
    expect(await deviceRows()).toHaveLength(0);

    const device = await registerTestDevice(t, { unit: 'MC-Q1' }, manager);
    expect((await t.call('PATCH', `/api/kiosk-devices/${device.id}`, {}, manager.headers)).status).toBe(400);
    expect((await t.call('PATCH', `/api/kiosk-devices/${device.id}`, { repeatSeconds: -1 }, manager.headers)).status).toBe(400);
    expect((await t.call('PATCH', '/api/kiosk-devices/not-a-uuid', { repeatSeconds: 1 }, manager.headers)).status).toBe(400);
    expect((await list())[0].settings.repeatSeconds).toBe(15);
  });

  it('never fails with 5xx on arbitrary registrations, codes or credentials, and changes nothing when it refuses', async () => {
    const value = fc.oneof(fc.string(), fc.integer({ min: -5, max: 5000 }), fc.double(), fc.constant(null), fc.boolean());
    const body = fc.record(
      { name: fc.oneof(fc.string({ maxLength: 90 }), value), unit: fc.constantFrom('MC-Q1', 'MC-Q2', 'QLDT', 'x', ''), official: fc.oneof(fc.constantFrom('CB-01', 'CB-03', 'CB-08'), value), thanksSeconds: value, idleSeconds: value, repeatSeconds: value },
      { requiredKeys: [] },
    );
    let created = 0;
    await fc.assert(
      fc.asyncProperty(body, fc.string({ maxLength: 60 }), fc.string({ maxLength: 120 }), async (b, code, credential) => {
        const res = await t.call('POST', '/api/kiosk-devices', b, manager.headers);
        expect(res.status === 201 || (res.status >= 400 && res.status < 500)).toBe(true);
        if (res.status === 201) created++;
        expect((await deviceRows()).length).toBe(created);
        const enrol = await t.call('POST', '/api/kiosk/enrol', { code }, { 'x-forwarded-for': `192.0.2.${created % 250}` });
        expect([400, 429]).toContain(enrol.status);
        const sent = await t.call('POST', '/api/kiosk/heartbeat', { queued: 1 }, { authorization: credential });
        expect([401, 403]).toContain(sent.status);
      }),
      { numRuns: 60 },
    );
    expect((await deviceRows()).every((d) => d.credential_hash === null)).toBe(true);
  });
});

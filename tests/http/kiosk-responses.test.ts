import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { localesDir, pagesDistDir } from '../../server/paths';
import { ResponseWriter } from '../../server/responses/response-writer';
import { enrolTestDevice, type EnrolledDevice } from '../helpers/kiosk-device';
import { signIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';
import { answerCountRows } from '../helpers/answer-count-rows';

const at = (seconds: number) => new Date(Date.parse('2026-06-01T01:00:00Z') + seconds * 1000).toISOString();
const quick = (submittedAt: string, overall = 3) => ({ id: randomUUID(), surveyId: 'counter-quick', answers: { overall }, channel: 'kiosk', submittedAt });

describe.each(dialects)('responses from an enrolled kiosk on %s', (dialect) => {
  let t: TestApp;
  let device: EnrolledDevice;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-06-01T02:00:00Z') });
    device = await enrolTestDevice(t, { unit: 'MC-Q2', official: 'CB-03', repeatSeconds: 15 });
  });
  afterEach(() => t.close());
  const db = () => t.database.handle.db;
  const send = (body: unknown, d: EnrolledDevice = device) => t.call('POST', '/api/responses', body, d.headers);
  const stored = () => db().selectFrom('responses').selectAll().orderBy('submitted_at').execute();

  it('files the answer under the device, its unit and official, on the kiosk channel', async () => {
    const body = quick(at(0));
    expect((await send(body)).status).toBe(201);
    const [row] = await stored();
    expect(row).toMatchObject({ id: body.id, device_id: device.id, unit_code: 'MC-Q2', official_code: 'CB-03', channel: 'kiosk', flagged: 0 });
    // Resending (a reply lost on the way back) stores nothing more.
    expect((await send(body)).body.status).toBe('replayed');
    expect(await stored()).toHaveLength(1);
  });

  it('refuses a body that claims another unit, official or channel, and stores nothing', async () => {
    for (const claim of [{ unit: 'MC-Q1' }, { official: 'CB-04' }, { channel: 'qr' }]) {
      const res = await send({ ...quick(at(0)), ...claim });
      expect(res).toMatchObject({ status: 403, body: { error: { code: 'device_scope' } } });
    }
    expect((await send({ ...quick(at(0)), unit: 'MC-Q2', official: 'CB-03' })).status).toBe(201);
    expect(await stored()).toHaveLength(1);
  });

  it('refuses unknown and revoked credentials; the stored answers stay', async () => {
    expect((await send(quick(at(0)))).status).toBe(201);
    const unknown = await send(quick(at(60)), { ...device, headers: { authorization: 'Kiosk not-a-real-credential-at-all' } });
    expect(unknown).toMatchObject({ status: 401, body: { error: { code: 'unknown_device' } } });
    // Another scheme is not "no credential": it is refused, so a revoked tablet cannot switch schemes.
    const other = await send({ ...quick(at(90)), unit: 'MC-Q1' }, { ...device, headers: { authorization: 'Bearer some-other-token-entirely' } });
    expect(other).toMatchObject({ status: 401, body: { error: { code: 'unsupported_credential' } } });
    const admin = await signIn(t, 'root', 'admin');
    await t.call('POST', `/api/kiosk-devices/${device.id}/revoke`, undefined, admin.headers);
    expect(await send(quick(at(120)))).toMatchObject({ status: 403, body: { error: { code: 'device_revoked' } } });
    expect((await stored()).map((r) => [r.device_id, r.unit_code, r.proof])).toEqual([[device.id, 'MC-Q2', 'device']]);
  });

  it('flags submissions closer together than the interval, counts them apart, and shows them to staff', async () => {
    // Gaps of 5 s, 20 s, 2 s, 14.9 s, 15 s with an interval of 15 s.
    const times = [0, 5, 25, 27, 41.9, 56.9];
    for (const [i, s] of times.entries()) expect((await send(quick(at(s), (i % 3) + 1))).status).toBe(201);
    expect((await stored()).map((r) => r.flagged)).toEqual([0, 1, 0, 1, 1, 0]);

    const counts = (await answerCountRows(db())).filter((r) => r.question_id === '*').sort((a, b) => a.flagged - b.flagged).map(({ flagged, question_id, value, n }) => ({ flagged, question_id, value, n }));
    expect(counts).toEqual([
      { flagged: 0, question_id: '*', value: '', n: 3 },
      { flagged: 1, question_id: '*', value: '', n: 3 },
    ]);
    const admin = await signIn(t, 'root', 'admin');
    const [shown] = (await t.call('GET', '/api/kiosk-devices', undefined, admin.headers)).body.devices;
    expect(shown.counts).toEqual({ today: 6, flaggedToday: 3, total: 6, flaggedTotal: 3 });
    expect(shown.lastSeenAt).toBe('2026-06-01T02:00:00.000Z');
  });

  it('judges repeated taps by when people answered, not when a queue arrives', async () => {
    // Five answers a minute apart, queued offline and delivered in one burst: none is a repeat.
    const bodies = [0, 60, 120, 180, 240].map((s) => quick(at(s)));
    for (const b of bodies) expect((await send(b)).status).toBe(201);
    expect((await stored()).every((r) => r.flagged === 0)).toBe(true);
  });

  it('does not flag anything when the interval is 0, and only compares answers of the same device', async () => {
    const admin = await signIn(t, 'root', 'admin');
    await t.call('PATCH', `/api/kiosk-devices/${device.id}`, { repeatSeconds: 0 }, admin.headers);
    const other = await enrolTestDevice(t, { unit: 'MC-Q1' }, admin);
    expect((await send(quick(at(0)))).status).toBe(201);
    expect((await send(quick(at(1)))).status).toBe(201);
    expect((await send(quick(at(2)), other)).status).toBe(201);
    expect((await stored()).map((r) => r.flagged)).toEqual([0, 0, 0]);
  });

  it('flags exactly all but one of a burst sent at once through two app servers', async () => {
    // A second app with its own group-commit writer on the same database, as behind a load balancer.
    const writer = new ResponseWriter(db(), { batchWindowMs: 1, maxBatch: 64 });
    const second = createApp({ db: db(), reader: t.database.handle.reader, surveys: t.database.surveys, writer, clock: () => t.clock.now, pagesDir: pagesDistDir, localesDir, publicUrl: 'http://sipas.test', secret: Buffer.alloc(32, 7), trustProxy: true });
    const bodies = Array.from({ length: 12 }, (_, i) => quick(at(i * 0.5)));
    const results = await Promise.all(
      bodies.map((b, i) =>
        i % 2
          ? Promise.resolve(second.request('/api/responses', { method: 'POST', headers: { 'content-type': 'application/json', ...device.headers }, body: JSON.stringify(b) })).then((r) => r.status)
          : send(b).then((r) => r.status),
      ),
    );
    await writer.close();
    expect(results.every((s) => s === 201)).toBe(true);
    const rows = await stored();
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r.flagged === 0)).toHaveLength(1);
  });

  it('records heartbeats with the queued count', async () => {
    t.clock.now = new Date('2026-06-01T03:30:00Z');
    const res = await t.call('POST', '/api/kiosk/heartbeat', { queued: 7 }, device.headers);
    expect(res.body.device.deviceId).toBe(device.id);
    const row = await db().selectFrom('kiosk_devices').select(['queued', 'last_seen_at']).executeTakeFirstOrThrow();
    expect(row).toEqual({ queued: 7, last_seen_at: '2026-06-01T03:30:00.000Z' });
    expect((await t.call('POST', '/api/kiosk/heartbeat', { queued: -1 }, device.headers)).status).toBe(400);
    expect((await t.call('POST', '/api/kiosk/heartbeat', { queued: 1 })).status).toBe(401);
  });
});

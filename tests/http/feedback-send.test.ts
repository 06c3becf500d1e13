import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptContact } from '../../server/feedback/contact-cipher';
import { LOOKUP_LIMIT } from '../../server/routes/feedback-public';
import { SEND_LIMITS } from '../../server/feedback/send-feedback';
import { feedbackItem } from '../helpers/feedback-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

const SECRET = Buffer.alloc(32, 7); // the test app's secret

describe.each(dialects)('sending feedback on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-06T02:00:00Z') }); // Friday 09:00 in Vietnam
  });
  afterEach(() => t.close());
  const db = () => t.database.handle.db;
  const items = () => db().selectFrom('feedback_items').selectAll().execute();
  const send = (body: unknown, address = '198.51.100.7') => t.call('POST', '/api/feedback', body, { 'x-forwarded-for': address });

  it('stores an item, gives a tracking code and a due date 10 working days on', async () => {
    const body = feedbackItem({ procedure: 'DT-01', kind: 'report' });
    const res = await send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'created', id: body.id, dueDate: '2026-03-20' });
    expect(res.body.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(res.body.trackUrl).toBe(`http://sipas.test/gop-y/${res.body.code}`);
    const [row] = await items();
    expect(row).toMatchObject({ kind: 'report', unit_code: 'MC-Q1', procedure_code: 'DT-01', status: 'received', local_date: '2026-03-06', due_date: '2026-03-20', contact_sealed: null });
    // Neither the code nor the device is kept; the code only as a keyed hash.
    expect(JSON.stringify(row)).not.toContain(res.body.code);
    expect(JSON.stringify(row)).not.toContain(body.device);
    const events = await db().selectFrom('feedback_events').selectAll().execute();
    expect(events).toMatchObject([{ item_id: body.id, seq: 1, actor: 'citizen', action: 'received', to_status: 'received' }]);
  });

  it('answers a resend with the same code and stores it once; other content under the id is a conflict', async () => {
    const body = feedbackItem();
    const first = await send(body);
    t.clock.now = new Date('2026-03-06T05:00:00Z');
    const again = await send(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, status: 'replayed' });
    expect(await items()).toHaveLength(1);
    const other = await send({ ...body, text: 'Một nội dung khác hẳn.' });
    expect(other).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(await items()).toHaveLength(1);
  });

  it('keeps a contact only with consent, sealed, and never shows it on the tracking page', async () => {
    const refused = await send(feedbackItem({ contact: '0912 345 678' }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['consent']);
    expect(await items()).toHaveLength(0);

    const body = feedbackItem({ contact: '0912 345 678', consent: true, text: 'Xin gọi lại cho tôi: 0912 345 678.' });
    const res = await send(body);
    expect(res.status).toBe(201);
    const [row] = await items();
    expect(row!.contact_kind).toBe('phone');
    expect(row!.contact_sealed).not.toContain('0912');
    expect(decryptContact(SECRET, body.id, row!.contact_sealed!)).toBe('0912345678');

    const tracked = await t.call('GET', `/api/feedback/track/${res.body.code}`);
    expect(tracked.status).toBe(200);
    // Not even the number typed into the text: whoever holds the code reads this page.
    expect(tracked.body).toMatchObject({ status: 'received', privateReply: true, reply: null, dueDate: '2026-03-20', text: 'Xin gọi lại cho tôi: […].' });
    expect(JSON.stringify(tracked.body)).not.toMatch(/0912|345 ?678/);
  });

  it('names every bad field at once and stores nothing', async () => {
    const res = await send({ ...feedbackItem(), kind: 'rant', text: ' \n ', contact: 'gọi tôi', consent: true, device: 'x', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['(body)', 'device', 'kind', 'text']);
    const unknown = await send(feedbackItem({ unit: 'NOPE', procedure: 'NOPE-1' }));
    expect(unknown.body.error.issues.map((i: { code: string }) => i.code)).toEqual(['unknown_unit', 'unknown_procedure']);
    const long = await send(feedbackItem({ text: 'ạ'.repeat(4001) }));
    expect(long.status).toBe(400);
    expect(await items()).toHaveLength(0);
    expect((await send(feedbackItem({ text: 'ạ'.repeat(4000) }))).status).toBe(201);
  });

  it('limits items per device and per address in an hour, and counts no refused one', async () => {
    const device = 'one-phone-1234';
    for (let i = 0; i < SEND_LIMITS.device.limit; i++) expect((await send(feedbackItem({ device }), `203.0.113.${i}`)).status).toBe(201);
    const blocked = await send(feedbackItem({ device }), '203.0.113.99');
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'too_many_items' } } });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await items()).toHaveLength(SEND_LIMITS.device.limit);

    for (let i = 0; i < SEND_LIMITS.address.limit; i++) expect((await send(feedbackItem(), '192.0.2.1')).status).toBe(201);
    expect((await send(feedbackItem(), '192.0.2.1')).status).toBe(429);
    expect((await send(feedbackItem(), '192.0.2.2')).status).toBe(201);
    // A resend of an item already stored is answered even from a blocked address: it adds nothing.
    const stored = feedbackItem();
    expect((await send(stored, '192.0.2.3')).status).toBe(201);
    expect((await send(stored, '192.0.2.1')).status).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + SEND_LIMITS.address.windowMs);
    expect((await send(feedbackItem(), '192.0.2.1')).status).toBe(201);
  });

  it('finds an item by its code typed sloppily, and limits guessing per address', async () => {
    const { body } = await send(feedbackItem());
    const sloppy = body.code.toLowerCase().replace(/-/g, ' ');
    expect((await t.call('GET', `/api/feedback/track/${encodeURIComponent(sloppy)}`)).status).toBe(200);
    const guess = (n: number, address: string) => t.call('GET', `/api/feedback/track/${String(n).padStart(16, '0')}`, undefined, { 'x-forwarded-for': address });
    for (let i = 0; i < LOOKUP_LIMIT.limit; i++) expect((await guess(i, '198.51.100.50')).status).toBe(404);
    const blocked = await t.call('GET', `/api/feedback/track/${body.code}`, undefined, { 'x-forwarded-for': '198.51.100.50' });
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'too_many_lookups' } } });
    expect((await t.call('GET', `/api/feedback/track/${body.code}`, undefined, { 'x-forwarded-for': '198.51.100.51' })).status).toBe(200);
  });

  it('gives the form its units, procedures, kinds and limits, and a QR picture of a tracking address', async () => {
    const form = await t.call('GET', '/api/feedback/form');
    expect(form.body.kinds).toEqual(['suggestion', 'report', 'complaint']);
    expect(form.body.units.map((u: { code: string }) => u.code)).toContain('MC-Q1');
    expect(form.body.procedures[0]).toMatchObject({ code: 'DT-01', unit: 'QLDT' });
    expect(form.body.limits.text).toEqual({ min: 5, max: 4000 });
    const qr = await t.app.request('/api/feedback/qr/ABCD-EFGH-JKMN-PQRS');
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
    expect(await qr.text()).toMatch(/^<svg/);
    expect((await t.app.request('/api/feedback/qr/not-a-code')).status).toBe(404);
  });

  it('stores exactly what any accepted body says, and nothing for any refused one (property)', async () => {
    // Mostly valid values, now and then a bad one, so both sides of the property are exercised.
    const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: bad, weight: 1 });
    const body = fc.record(
      {
        kind: mostly(fc.constantFrom('suggestion', 'report', 'complaint'), fc.string({ maxLength: 10 })),
        unit: mostly(fc.constantFrom('MC', 'MC-Q1', 'QLDT'), fc.constantFrom('NOPE', '')),
        procedure: mostly(fc.constantFrom('DT-01', 'LD-02'), fc.constant('NOPE')),
        text: mostly(fc.string({ minLength: 5, maxLength: 80 }), fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('Cán bộ rất tận tình.\r\nCảm ơn!', '\u0000\u0007  ngắn  '))),
        contact: mostly(fc.constantFrom('', '0912345678', 'an@example.vn', '+84 912 345 678'), fc.constantFrom('không', '123')),
        consent: mostly(fc.constant(true), fc.boolean()),
        channel: mostly(fc.constantFrom('web', 'kiosk', 'qr'), fc.constant('fax')),
        device: mostly(fc.stringMatching(/^[a-z0-9_-]{8,24}$/), fc.constantFrom('x', 'has space 1234', '')),
      },
      { requiredKeys: ['kind', 'unit', 'text', 'channel', 'device'] },
    );
    let n = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(body, async (fields) => {
        const sent = { ...feedbackItem(), ...fields };
        const before = (await items()).length;
        // A fresh address each time: this property is about content, not rate limits.
        const res = await send(sent, `10.0.${(n >> 8) & 255}.${n++ & 255}`);
        expect(res.status, JSON.stringify(res.body)).not.toBeGreaterThanOrEqual(500);
        const after = await items();
        accepted += res.status === 201 ? 1 : 0;
        if (res.status !== 201) {
          expect(res.status).toBe(400);
          expect(after).toHaveLength(before);
          return;
        }
        expect(after).toHaveLength(before + 1);
        const row = after.find((r) => r.id === sent.id)!;
        const cleaned = sent.text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
        expect(row.text).toBe(cleaned);
        expect(cleaned.length).toBeGreaterThanOrEqual(5);
        expect(row).toMatchObject({ kind: sent.kind, unit_code: sent.unit, procedure_code: sent.procedure ?? '', channel: sent.channel });
        expect(row.contact_sealed === null).toBe(!sent.contact);
        if (sent.contact) expect(sent.consent).toBe(true);
      }),
      { numRuns: dialect === 'sqlite' ? 150 : 50 },
    );
    expect(accepted).toBeGreaterThan(dialect === 'sqlite' ? 20 : 5); // the property saw accepted bodies too
  });
});

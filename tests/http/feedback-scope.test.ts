import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../server/import/csv-parse';
import { feedbackItem } from '../helpers/feedback-fixtures';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

const PHONE = '0987654321';

describe.each(dialects)('who sees feedback and its contact details on %s', (dialect) => {
  let t: TestApp;
  let root: SignedIn, lan: SignedIn, tuan: SignedIn, hoa: SignedIn, thu: SignedIn;
  let withContact: string, other: string;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-02T02:00:00Z') });
    root = await signIn(t, 'root', 'admin');
    lan = await signIn(t, 'lan', 'manager', 'MC'); // MC, MC-Q1, MC-Q2
    tuan = await signIn(t, 'tuan', 'manager', 'QLDT');
    hoa = await signIn(t, 'hoa', 'viewer', 'MC');
    thu = await signIn(t, 'thu', 'manager', 'DNLD');
    const a = feedbackItem({ unit: 'MC-Q2', contact: PHONE, consent: true, text: 'Xin gọi lại cho tôi về hồ sơ lao động.' });
    const b = feedbackItem({ unit: 'QLDT', kind: 'suggestion' });
    expect((await t.call('POST', '/api/feedback', a)).status).toBe(201);
    expect((await t.call('POST', '/api/feedback', b)).status).toBe(201);
    withContact = a.id;
    other = b.id;
  });
  afterEach(() => t.close());

  const get = (path: string, who: SignedIn) => t.call('GET', path, undefined, who.headers);
  const contact = (who: SignedIn, id = withContact) => get(`/api/feedback/items/${id}/contact`, who);
  const audited = async () =>
    (await t.database.handle.db.selectFrom('audit_log').selectAll().where('action', 'like', 'feedback.%').orderBy('at').execute()).map((r) => ({
      actor: r.actor,
      action: r.action,
      details: JSON.parse(r.details),
    }));

  it('lists in each inbox only the items of the staff member’s units', async () => {
    const ids = async (who: SignedIn) => (await get('/api/feedback/items?status=all', who)).body.items.map((i: { id: string }) => i.id);
    expect(await ids(lan)).toEqual([withContact]);
    expect(await ids(hoa)).toEqual([withContact]);
    expect(await ids(tuan)).toEqual([other]);
    expect(await ids(thu)).toEqual([]);
    expect((await ids(root)).sort()).toEqual([withContact, other].sort());
    expect((await get(`/api/feedback/items/${other}`, lan)).status).toBe(404);
    expect((await get('/api/feedback/items?unit=QLDT', lan)).status).toBe(403);
  });

  it('gives the contact to managers of the unit concerned and admins, each read audited, never to viewers or others', async () => {
    expect(await contact(lan)).toMatchObject({ status: 200, body: { kind: 'phone', value: PHONE } });
    expect(await contact(root)).toMatchObject({ status: 200, body: { kind: 'phone', value: PHONE } });
    expect((await contact(hoa)).status).toBe(403);
    expect((await contact(tuan)).status).toBe(404);
    expect((await contact(thu)).status).toBe(404);
    expect((await contact(lan, other)).status).toBe(404); // outside lan's units
    expect((await contact(root, other)).body.error.code).toBe('no_contact');
    expect(await audited()).toEqual([
      { actor: 'lan', action: 'feedback.contact-read', details: {} },
      { actor: 'root', action: 'feedback.contact-read', details: {} },
    ]);
  });

  it('lets the department an item is assigned to read its contact too', async () => {
    expect((await t.call('POST', `/api/feedback/items/${withContact}/assign`, { unit: 'QLDT' }, lan.headers)).status).toBe(200);
    expect(await contact(tuan)).toMatchObject({ status: 200, body: { value: PHONE } });
    expect((await contact(thu)).status).toBe(404);
  });

  it('never puts the contact in the inbox, the item, its history or the audit log', async () => {
    await contact(lan);
    const item = await get(`/api/feedback/items/${withContact}`, lan);
    expect(item.body).toMatchObject({ hasContact: true, contactKind: 'phone', canReadContact: true });
    expect((await get(`/api/feedback/items/${withContact}`, hoa)).body.canReadContact).toBe(false);
    const texts = [item, await get('/api/feedback/items?status=all', root), await get('/api/staff/audit', root)].map((r) => JSON.stringify(r.body));
    for (const text of texts) expect(text).not.toContain(PHONE);
    const stored = await t.database.handle.db.selectFrom('feedback_items').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(PHONE);
  });

  it('exports without contacts, and with them only when an admin asks, audited', async () => {
    const csv = await t.app.request('/api/feedback/export.csv?from=2026-03-01&to=2026-03-31', { headers: lan.headers });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a byte-order mark, for spreadsheet programs
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('ref,received_at,received_date,kind,channel,unit,procedure,status,due_date,answered_at,answered_on_time,assigned_unit,assigned_official,text,reply,publishable');
    expect(text).toContain('Xin gọi lại cho tôi về hồ sơ lao động.');
    expect(text).not.toContain(PHONE);
    expect(text.trim().split('\r\n')).toHaveLength(2); // header and lan's one item

    expect((await get('/api/feedback/export.csv?includeContact=1', lan)).status).toBe(403);
    const full = await (await t.app.request('/api/feedback/export.csv?from=2026-03-01&to=2026-03-31&includeContact=1', { headers: root.headers })).text();
    expect(full.split('\r\n')[0]).toMatch(/,contact_kind,contact$/);
    expect(full).toContain(`,phone,${PHONE}`);
    expect(await audited()).toEqual([
      { actor: 'lan', action: 'feedback.export', details: { from: '2026-03-01', to: '2026-03-31', includeContact: false, rows: 1 } },
      { actor: 'root', action: 'feedback.export', details: { from: '2026-03-01', to: '2026-03-31', includeContact: true, rows: 2 } },
    ]);
  });

  it('quotes and defuses every cell of the CSV for readers that split on semicolons too', async () => {
    const attack = feedbackItem({ unit: 'MC-Q1', text: 'Phòng chờ chật;=HYPERLINK("http://x.test","bấm");+1;@SUM(1)' });
    expect((await t.call('POST', '/api/feedback', attack)).status).toBe(201);
    const text = (await (await t.app.request('/api/feedback/export.csv?from=2026-03-01&to=2026-03-31', { headers: root.headers })).text()).replace(/^\uFEFF/, '');
    for (const delimiter of [',', ';'] as const) {
      const cells = parseCsv(text, delimiter).flatMap((r) => r.cells);
      expect(cells.filter((c) => /^[=+\-@]/.test(c)), `split on "${delimiter}"`).toEqual([]);
    }
    // The text itself is all there, with an apostrophe before each would-be formula.
    expect(parseCsv(text, ',').some((r) => r.cells.includes(`Phòng chờ chật;'=HYPERLINK("http://x.test","bấm");'+1;'@SUM(1)`))).toBe(true);
  });

  it('lists to each staff member only the officials of their own units', async () => {
    const codes = async (who: SignedIn) => (await get('/api/feedback/officials', who)).body.map((o: { code: string }) => o.code).sort();
    expect(await codes(lan)).toEqual(['CB-01', 'CB-02', 'CB-03', 'CB-04']);
    expect(await codes(tuan)).toEqual(['CB-05']);
    expect((await codes(root)).length).toBe(10); // the board's eight and the commune centre's two
    // Nor may they assign an item to an official they are not shown.
    const assign = await t.call('POST', `/api/feedback/items/${withContact}/assign`, { official: 'CB-05' }, lan.headers);
    expect(assign.body.error.issues[0]).toMatchObject({ path: 'official', code: 'unknown_official' });
    const mismatch = await t.call('POST', `/api/feedback/items/${withContact}/assign`, { unit: 'MC-Q2', official: 'CB-01' }, lan.headers);
    expect(mismatch.body.error.issues[0]).toMatchObject({ path: 'official', code: 'official_not_in_unit' });
  });

  it('marks every staff answer as not to be stored by any cache', async () => {
    for (const path of ['/api/feedback/items?status=all', '/api/feedback/officials', `/api/feedback/items/${withContact}`, '/api/feedback/figures', '/api/staff/me', '/api/scores/options']) {
      const res = await t.app.request(path, { headers: lan.headers });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('sends figures gzip\'d to a browser that takes it, but never the session with its CSRF token', async () => {
    const path = '/api/scores?survey=sipas-2017&unit=MC&by=official';
    const plain = await t.app.request(path, { headers: lan.headers });
    const zipped = await t.app.request(path, { headers: { ...lan.headers, 'accept-encoding': 'gzip, deflate' } });
    expect([plain.headers.get('content-encoding'), zipped.headers.get('content-encoding')]).toEqual([null, 'gzip']);
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const packed = Buffer.from(await zipped.arrayBuffer());
    const text = await plain.text();
    expect(gunzipSync(packed).toString('utf8')).toBe(text);
    expect(packed.length).toBeLessThan(text.length / 3);
    const session = await t.app.request('/api/staff/session', { headers: { ...lan.headers, 'accept-encoding': 'gzip' } });
    expect([session.status, session.headers.get('content-encoding')]).toEqual([200, null]);
    const sent = await t.app.request('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' }, body: JSON.stringify(feedbackItem({ unit: 'MC-Q1' })) });
    expect([sent.status, sent.headers.get('content-encoding')]).toEqual([201, null]);
  });

  it('lets viewers read but not change, and wants the CSRF token on every change', async () => {
    const move = (who: Record<string, string>) => t.call('POST', `/api/feedback/items/${withContact}/status`, { to: 'in_progress' }, who);
    expect((await move(hoa.headers)).status).toBe(403);
    expect((await move({ cookie: lan.headers.cookie! })).body.error.code).toBe('csrf');
    expect((await move({})).status).toBe(401);
    expect((await move(lan.headers)).status).toBe(200);
    expect((await move(lan.headers)).body.error.code).toBe('invalid_move'); // already in progress
  });

  it('lets admins, and only admins, change the handling period and holidays, for items received from then on', async () => {
    expect((await get('/api/feedback/settings', hoa)).body).toEqual({ handlingDays: 10, holidays: [] });
    const change = (who: SignedIn, body: unknown) => t.call('PUT', '/api/feedback/settings', body, who.headers);
    expect((await change(lan, { handlingDays: 3, holidays: [] })).status).toBe(403);
    expect((await change(root, { handlingDays: 0 })).status).toBe(400);
    expect((await change(root, { handlingDays: 3, holidays: ['2026-03-09', '2026-02-30'] })).status).toBe(400);
    expect((await change(root, { handlingDays: 3, holidays: ['2026-03-09', '2026-03-09'] })).body).toEqual({ handlingDays: 3, holidays: ['2026-03-09'] });
    t.clock.now = new Date('2026-03-06T02:00:00Z'); // Friday; Monday the 9th is a holiday
    expect((await t.call('POST', '/api/feedback', feedbackItem())).body.dueDate).toBe('2026-03-12');
    const before = await t.database.handle.db.selectFrom('feedback_items').select('due_date').where('id', '=', withContact).executeTakeFirstOrThrow();
    expect(before.due_date).toBe('2026-03-16');
    expect((await audited()).map((a) => a.action)).toEqual(['feedback.settings']);
  });

  it('checks assignment targets and keeps the item unchanged when refused', async () => {
    const assign = (body: unknown) => t.call('POST', `/api/feedback/items/${withContact}/assign`, body, lan.headers);
    expect((await assign({ unit: 'NOPE' })).body.error.issues[0].code).toBe('unknown_unit');
    expect((await assign({ official: 'CB-99' })).body.error.issues[0].code).toBe('unknown_official');
    expect((await assign({ unit: 'MC-Q1', extra: true })).status).toBe(400);
    const item = await get(`/api/feedback/items/${withContact}`, lan);
    expect(item.body).toMatchObject({ status: 'received', assignedUnit: null });
    expect(item.body.events).toHaveLength(1);
    // An official alone assigns their unit too.
    expect((await assign({ official: 'CB-03' })).body).toMatchObject({ assignedUnit: 'MC-Q2', assignedOfficial: 'CB-03', status: 'in_progress' });
  });
});

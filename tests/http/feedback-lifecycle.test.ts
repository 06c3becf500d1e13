import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackItem, signInAgain } from '../helpers/feedback-fixtures';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

// The whole life of five items in March 2026, on one test clock. Received at 09:00 in Vietnam
// (02:00 UTC); due 10 working days later:
//   A complaint  MC-Q1  Mon 2 Mar, due 16 Mar, assigned to QLDT, answered Fri 13 Mar (11 days, on time)
//   B report     MC-Q1  Mon 2 Mar, due 16 Mar, answered Tue 17 Mar (15 days, late)
//   C suggestion QLDT   Wed 4 Mar, due 18 Mar, answered Thu 5 Mar (1 day, on time)
//   D complaint  MC-Q1  Thu 5 Mar, due 19 Mar, never answered (overdue on 25 Mar)
//   E report     QLDT   Tue 24 Mar, due 7 Apr, open (pending on 25 Mar)
const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe.each(dialects)('the life of feedback items on %s', (dialect) => {
  let t: TestApp;
  const items: Record<string, { id: string; code: string }> = {};
  const staff: Record<string, SignedIn> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: at('2026-03-02') });
  });
  afterAll(() => t.close());

  /** Moves the clock and signs everyone in again (sessions last 12 hours). */
  async function day(date: string) {
    t.clock.now = at(date);
    for (const name of Object.keys(staff)) staff[name] = await signInAgain(t, name);
  }
  async function send(name: string, fields: Record<string, unknown>) {
    const body = feedbackItem(fields);
    const res = await t.call('POST', '/api/feedback', body);
    expect(res.status).toBe(201);
    items[name] = { id: body.id, code: res.body.code };
    return res.body;
  }
  const act = (who: string, method: string, item: string, action: string, body?: unknown) =>
    t.call(method, `/api/feedback/items/${items[item]!.id}/${action}`, body, staff[who]!.headers);
  async function answer(who: string, item: string, reply: string) {
    expect((await act(who, 'PUT', item, 'reply', { reply })).status).toBe(200);
    const res = await act(who, 'POST', item, 'status', { to: 'answered' });
    expect(res.status).toBe(200);
    return res.body;
  }

  it('receives items with due dates 10 working days on', async () => {
    staff.root = await signIn(t, 'root', 'admin');
    staff.lan = await signIn(t, 'lan', 'manager', 'MC');
    staff.tuan = await signIn(t, 'tuan', 'manager', 'QLDT');
    const a = await send('A', { kind: 'complaint', unit: 'MC-Q1', text: 'Tôi là Nguyễn Văn An, gọi 0912 345 678. Tôi phải đi lại ba lần.', contact: '0912345678', consent: true });
    expect(a.dueDate).toBe('2026-03-16');
    expect((await send('B', { kind: 'report', unit: 'MC-Q1', text: 'Quầy số 1 đóng cửa sớm.' })).dueDate).toBe('2026-03-16');
    await day('2026-03-04');
    expect((await send('C', { kind: 'suggestion', unit: 'QLDT', procedure: 'DT-01', text: 'Nên gửi kết quả qua bưu điện.' })).dueDate).toBe('2026-03-18');
    await day('2026-03-05');
    expect((await send('D', { kind: 'complaint', unit: 'MC-Q1', text: 'Bị hẹn lại nhiều lần.' })).dueDate).toBe('2026-03-19');
  });

  it('refuses to answer without a reply, then answers C the day after', async () => {
    const bare = await act('tuan', 'POST', 'C', 'status', { to: 'answered' });
    expect(bare).toMatchObject({ status: 409, body: { error: { code: 'reply_required' } } });
    const c = await answer('tuan', 'C', 'Cảm ơn Ông/Bà. Từ tháng 4 cơ quan sẽ trả kết quả qua bưu điện.');
    expect(c).toMatchObject({ status: 'answered', answeredAt: '2026-03-05T02:00:00.000Z' });
  });

  it('assigns A to a department, which moves it into progress and lets that department see it', async () => {
    expect((await t.call('GET', `/api/feedback/items/${items.A!.id}`, undefined, staff.tuan!.headers)).status).toBe(404);
    // The counter hands the item to the department; the department names its official (staff
    // are shown, and may name, only the officials of their own units).
    expect((await act('lan', 'POST', 'A', 'assign', { unit: 'QLDT', official: 'CB-05' })).body.error.issues[0].code).toBe('unknown_official');
    const res = await act('lan', 'POST', 'A', 'assign', { unit: 'QLDT' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'in_progress', assignedUnit: 'QLDT', assignedOfficial: null });
    expect((await t.call('GET', `/api/feedback/items/${items.A!.id}`, undefined, staff.tuan!.headers)).status).toBe(200);
    expect((await act('tuan', 'POST', 'A', 'assign', { unit: 'QLDT', official: 'CB-05' })).body).toMatchObject({ assignedUnit: 'QLDT', assignedOfficial: 'CB-05' });
  });

  it('answers A on time and B late', async () => {
    await day('2026-03-13');
    expect(await answer('tuan', 'A', 'Cơ quan đã nhắc nhở cán bộ Nguyễn Văn An liên quan và xin lỗi Ông/Bà.')).toMatchObject({ status: 'answered', overdue: false });
    await day('2026-03-17');
    const open = await t.call('GET', '/api/feedback/items?status=open', undefined, staff.lan!.headers);
    expect(open.body.items.map((i: { id: string; overdue: boolean }) => [i.id, i.overdue])).toEqual([
      [items.B!.id, true], // due 16 March, most urgent first
      [items.D!.id, false],
    ]);
    await answer('lan', 'B', 'Từ nay quầy số 1 mở cửa đến 17 giờ.');
    await day('2026-03-24');
    await send('E', { kind: 'report', unit: 'QLDT', text: 'Không có chỗ để xe.' });
  });

  it('shows the sender the reply on the tracking page once answered', async () => {
    const a = await t.call('GET', `/api/feedback/track/${items.A!.code}`);
    expect(a.body).toMatchObject({ status: 'answered', reply: 'Cơ quan đã nhắc nhở cán bộ Nguyễn Văn An liên quan và xin lỗi Ông/Bà.', answeredAt: '2026-03-13T02:00:00.000Z', privateReply: true });
    const d = await t.call('GET', `/api/feedback/track/${items.D!.code}`);
    expect(d.body).toMatchObject({ status: 'received', reply: null, answeredAt: null, dueDate: '2026-03-19' });
  });

  it('publishes A with the name removed and the phone number never shown', async () => {
    expect((await act('lan', 'PUT', 'D', 'publication', { publishable: true, redactions: [] })).body.error.code).toBe('not_answered');
    const res = await act('tuan', 'PUT', 'A', 'publication', { publishable: true, redactions: ['Nguyễn Văn An'] });
    expect(res.body.preview).toEqual({
      text: 'Tôi là […], gọi […]. Tôi phải đi lại ba lần.',
      reply: 'Cơ quan đã nhắc nhở cán bộ […] liên quan và xin lỗi Ông/Bà.',
    });
    const list = await t.call('GET', '/api/feedback/public');
    expect(list.body.items).toEqual([
      expect.objectContaining({ kind: 'complaint', unit: 'MC-Q1', receivedDate: '2026-03-02', text: res.body.preview.text, reply: res.body.preview.reply }),
    ]);
    expect(JSON.stringify(list.body)).not.toMatch(/0912|Nguyễn Văn An|"id"/);
    expect((await t.call('GET', '/api/feedback/public?unit=QLDT')).body).toEqual({ items: [], more: false }); // A concerns MC-Q1
    expect((await t.call('GET', '/api/feedback/public?unit=MC&limit=1')).body.items).toHaveLength(1);
  });

  it('closes A; a closed item stays closed', async () => {
    expect((await act('lan', 'POST', 'A', 'status', { to: 'closed' })).body.status).toBe('closed');
    expect((await act('lan', 'POST', 'A', 'status', { to: 'in_progress' })).body.error.code).toBe('invalid_move');
    expect((await act('lan', 'PUT', 'A', 'reply', { reply: 'Sửa lại' })).body.error.code).toBe('closed');
    expect((await t.call('GET', `/api/feedback/track/${items.A!.code}`)).body.status).toBe('closed');
    // Closed answers stay on the public page.
    expect((await t.call('GET', '/api/feedback/public')).body.items).toHaveLength(1);
  });

  it('keeps every change with who made it and when', async () => {
    const a = await t.call('GET', `/api/feedback/items/${items.A!.id}`, undefined, staff.root!.headers);
    expect(a.body.events.map((e: { seq: number; at: string; actor: string; action: string; from: string | null; to: string | null }) => [e.seq, e.at.slice(0, 10), e.actor, e.action, e.from, e.to])).toEqual([
      [1, '2026-03-02', 'citizen', 'received', null, 'received'],
      [2, '2026-03-05', 'lan', 'assigned', 'received', 'in_progress'],
      [3, '2026-03-05', 'tuan', 'assigned', 'in_progress', 'in_progress'],
      [4, '2026-03-13', 'tuan', 'reply', 'in_progress', 'in_progress'],
      [5, '2026-03-13', 'tuan', 'status', 'in_progress', 'answered'],
      [6, '2026-03-24', 'tuan', 'published', 'answered', 'answered'],
      [7, '2026-03-24', 'lan', 'status', 'answered', 'closed'],
    ]);
    expect(JSON.stringify(a.body.events)).not.toContain('0912');
  });

  it('computes the figures on 25 March as by hand, in total, per month and per unit', async () => {
    t.clock.now = new Date('2026-03-25T03:00:00Z');
    staff.root = await signInAgain(t, 'root');
    const res = await t.call('GET', '/api/feedback/figures?from=2026-02-01&to=2026-03-31&period=month', undefined, staff.root.headers);
    expect(res.status).toBe(200);
    const all = {
      received: 5, answered: 3, answeredOnTime: 2, answeredLate: 1, open: 2, overdue: 1,
      medianDaysToAnswer: 11, // of 11 (A), 15 (B), 1 (C)
      complaintsOnTime: { complaints: 4, decided: 3, onTime: 1, pending: 1, percent: 33.3 }, // A of A, B, D; E pending
    };
    expect(res.body.total).toEqual(all);
    expect(res.body.periods.map((p: { key: string; figures: { received: number } }) => [p.key, p.figures.received])).toEqual([['2026-02', 0], ['2026-03', 5]]);
    expect(res.body.periods[1].figures).toEqual(all);
    expect(res.body.units).toEqual([
      { unit: 'MC-Q1', figures: { received: 3, answered: 2, answeredOnTime: 1, answeredLate: 1, open: 1, overdue: 1, medianDaysToAnswer: 13, complaintsOnTime: { complaints: 3, decided: 3, onTime: 1, pending: 0, percent: 33.3 } } },
      { unit: 'QLDT', figures: { received: 2, answered: 1, answeredOnTime: 1, answeredLate: 0, open: 1, overdue: 0, medianDaysToAnswer: 1, complaintsOnTime: { complaints: 1, decided: 0, onTime: 0, pending: 1, percent: null } } },
    ]);
  });

  it('scopes the figures to the units a manager sees', async () => {
    staff.lan = await signInAgain(t, 'lan');
    const lan = await t.call('GET', '/api/feedback/figures?from=2026-03-01&to=2026-03-31', undefined, staff.lan.headers);
    expect(lan.body.total).toMatchObject({ received: 3, answeredOnTime: 1, complaintsOnTime: { percent: 33.3 } });
    expect((await t.call('GET', '/api/feedback/figures?unit=QLDT', undefined, staff.lan.headers)).status).toBe(403);
    expect((await t.call('GET', '/api/feedback/figures?from=2026-03-31&to=2026-03-01', undefined, staff.lan.headers)).status).toBe(400);
    const overdue = await t.call('GET', '/api/feedback/items?overdue=1', undefined, staff.lan.headers);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([items.D!.id]);
  });

  it('reopens an answer, which takes it out of the answered figures until answered again', async () => {
    staff.tuan = await signInAgain(t, 'tuan');
    const reopened = await act('tuan', 'POST', 'C', 'status', { to: 'in_progress' });
    expect(reopened.body).toMatchObject({ status: 'in_progress', answeredAt: null });
    expect((await t.call('GET', `/api/feedback/track/${items.C!.code}`)).body.reply).toBeNull();
    const figures = await t.call('GET', '/api/feedback/figures?from=2026-03-01&to=2026-03-31', undefined, staff.tuan.headers);
    expect(figures.body.total).toMatchObject({ received: 2, answered: 0, open: 2, overdue: 1 }); // C was due 18 March
  });
});

import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testScheduler } from '../helpers/alert-scheduler';
import { feedbackItem, signInAgain } from '../helpers/feedback-fixtures';
import { enrolTestDevice } from '../helpers/kiosk-device';
import { startMailServer, type MailServer } from '../helpers/mail-server';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { storeResponses, type StoredInput } from '../helpers/store-responses';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

// Monday 30 March 2026, 06:00 in Vietnam: before the week's digest is due (07:00).
const MONDAY_EARLY = new Date('2026-03-29T23:00:00Z');
/** 10:00 in Vietnam, `n` days before that Monday. */
const daysAgo = (n: number) => new Date(Date.parse('2026-03-30T03:00:00Z') - n * 86_400_000).toISOString();

/** `satisfied` of `n` responses rating the waiting seats 4 (the rest 2), spread over the given days ago. */
function seats(unit: string, satisfied: number, n: number, fromDay: number, toDay: number): StoredInput[] {
  return Array.from({ length: n }, (_, i) => ({ unit, submittedAt: daysAgo(fromDay + ((toDay - fromDay) * i) / n), answers: { access_seats: i < satisfied ? 4 : 2 } }));
}

describe.each(dialects)('alerts on %s', (dialect) => {
  let t: TestApp;
  let mail: MailServer;
  let admin: SignedIn;
  let lan: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: MONDAY_EARLY });
    mail = await startMailServer();
    admin = await signIn(t, 'root', 'admin');
    lan = await signIn(t, 'lan', 'manager', 'MC');
    expect((await t.call('PUT', '/api/alerts/contact', { email: 'lan@mc.langson.gov.vn', weeklyDigest: false }, lan.headers)).status).toBe(200);
  });
  afterEach(async () => {
    await t.close();
    await mail.close();
  });
  const rule = (body: Record<string, unknown>, who = lan) => t.call('POST', '/api/alerts/rules', body, who.headers);

  it('fires when the whole interval is below target, stays silent on a small sample, and e-mails once', async () => {
    // MC-Q1: 160 of 200 satisfied (80%, interval up to 84.95%). MC-Q2: 8 of 10 (80%, up to 94.33%).
    await storeResponses(t, [...seats('MC-Q1', 160, 200, 1, 29), ...seats('MC-Q2', 8, 10, 1, 29)]);
    for (const unit of ['MC-Q1', 'MC-Q2']) expect((await rule({ unit, kind: 'index_below_target', recipients: ['lan'] })).status).toBe(201);
    const scheduler = testScheduler(t, mail);
    expect(await scheduler.runOnce()).toMatchObject({ opened: 1, sent: 1 });
    const [message] = await mail.received(1);
    expect(message!.to).toMatchObject({ text: 'lan@mc.langson.gov.vn' });
    expect(message!.subject).toBe('[SIPAS] Cảnh báo – Quầy số 1 - Đầu tư, Xây dựng: Chỉ số dưới mục tiêu');
    expect(message!.text).toContain('Chỉ số SIPAS chung trong 30 ngày qua: 80,00% (cận trên KTC 95% 84,95%, n = 200), thấp hơn mục tiêu 90,00%');
    // Still below: no second alert, no second e-mail.
    expect(await scheduler.runOnce()).toMatchObject({ opened: 0, sent: 0 });
    expect(mail.messages).toHaveLength(1);

    const viewer = await signIn(t, 'hoa', 'viewer', 'MC');
    const open = (await t.call('GET', '/api/alerts/open', undefined, viewer.headers)).body;
    expect(open.map((a: { unit: string; kind: string }) => [a.unit, a.kind])).toEqual([['MC-Q1', 'index_below_target']]);
    const other = await signIn(t, 'mai', 'viewer', 'MC-Q2');
    expect((await t.call('GET', '/api/alerts/open', undefined, other.headers)).body).toEqual([]);
  });

  it('fires on a significant fall from the previous period, not on a small one', async () => {
    // QLDT: 90 of 100 the 30 days before, 80 of 100 now (p = 0.024). DNLD: 90 → 85 (p = 0.14).
    await storeResponses(t, [...seats('QLDT', 90, 100, 31, 59), ...seats('QLDT', 80, 100, 1, 29), ...seats('DNLD', 90, 100, 31, 59), ...seats('DNLD', 85, 100, 1, 29)]);
    for (const unit of ['QLDT', 'DNLD']) expect((await rule({ unit, kind: 'index_fell', element: 'access' }, admin)).status).toBe(201);
    expect(await testScheduler(t, mail).runOnce()).toMatchObject({ opened: 1 });
    const open = (await t.call('GET', '/api/alerts/open', undefined, admin.headers)).body;
    expect(open.map((a: { unit: string }) => a.unit)).toEqual(['QLDT']);
    expect(open[0].text).toContain('giảm có ý nghĩa thống kê so với 90,00%');
    const rules = (await t.call('GET', '/api/alerts/rules', undefined, admin.headers)).body as { unit: string; firing: boolean; lastFigures: { pValue: number } }[];
    expect(rules.find((r) => r.unit === 'DNLD')).toMatchObject({ firing: false, lastFigures: { pValue: expect.closeTo(0.1425, 3) } });
  });

  it('opens an alert for overdue complaints and closes it once they are answered', async () => {
    t.clock.now = new Date(daysAgo(20));
    const item = feedbackItem({ unit: 'MC-Q1' });
    expect((await t.call('POST', '/api/feedback', item)).status).toBe(201);
    t.clock.now = MONDAY_EARLY;
    lan = await signInAgain(t, 'lan');
    expect((await rule({ unit: 'MC', kind: 'complaints_overdue', recipients: ['lan'] })).status).toBe(201);
    const scheduler = testScheduler(t, mail);
    expect(await scheduler.runOnce()).toMatchObject({ opened: 1, sent: 1 });
    expect((await mail.received(1))[0]!.text).toContain('1 phản ánh, kiến nghị đã quá hạn trả lời');
    await t.call('PUT', `/api/feedback/items/${item.id}/reply`, { reply: 'Đã xử lý.' }, lan.headers);
    await t.call('POST', `/api/feedback/items/${item.id}/status`, { to: 'answered' }, lan.headers);
    expect(await scheduler.runOnce()).toMatchObject({ opened: 0, resolved: 1, sent: 0 });
    expect((await t.call('GET', '/api/alerts/open', undefined, lan.headers)).body).toEqual([]);
  });

  it('notices a kiosk silent for a day, not one heard from this morning', async () => {
    t.clock.now = new Date(daysAgo(2));
    await enrolTestDevice(t, { unit: 'MC-Q1', name: 'Máy quầy 1' });
    const fresh = await enrolTestDevice(t, { unit: 'MC-Q2', name: 'Máy quầy 2' });
    t.clock.now = MONDAY_EARLY;
    expect((await t.call('POST', '/api/kiosk/heartbeat', { queued: 0 }, fresh.headers)).status).toBe(200);
    lan = await signInAgain(t, 'lan');
    expect((await rule({ unit: 'MC', kind: 'kiosk_silent' })).status).toBe(201);
    expect(await testScheduler(t, mail).runOnce()).toMatchObject({ opened: 1 });
    const [open] = (await t.call('GET', '/api/alerts/open', undefined, lan.headers)).body;
    expect(open.text).toBe('1 máy tính bảng không gửi tín hiệu trong 1 ngày: Máy quầy 1.');
  });

  it('signs the webhook, retries it with backoff and logs every attempt', async () => {
    const hook: WebhookReceiver = await startWebhookReceiver([500]);
    try {
      await storeResponses(t, seats('MC-Q1', 160, 200, 1, 29));
      expect((await rule({ unit: 'MC-Q1', kind: 'index_below_target', webhookUrl: hook.url })).body.error.code).toBe('webhook_admin_only');
      expect((await rule({ unit: 'MC-Q1', kind: 'index_below_target', webhookUrl: hook.url }, admin)).status).toBe(201);
      const scheduler = testScheduler(t, mail);
      expect(await scheduler.runOnce()).toMatchObject({ opened: 1, retried: 1 });
      expect(await scheduler.runOnce()).toMatchObject({ sent: 0, retried: 0 }); // not due again before a minute
      t.clock.now = new Date(MONDAY_EARLY.getTime() + 60_000);
      expect(await scheduler.runOnce()).toMatchObject({ sent: 1 });
      expect(hook.hooks.map((h) => h.status)).toEqual([500, 200]);

      const { key } = (await t.call('GET', '/api/alerts/webhook-key', undefined, (admin = await signInAgain(t, 'root')).headers)).body;
      for (const h of hook.hooks) expect(h.headers['x-sipas-signature']).toBe(`sha256=${createHmac('sha256', key).update(h.body).digest('hex')}`);
      expect(hook.hooks[0]!.body).toBe(hook.hooks[1]!.body);
      const body = JSON.parse(hook.hooks[1]!.body);
      expect(body).toMatchObject({ event: 'alert.opened', kind: 'index_below_target', unit: { code: 'MC-Q1', name: 'Quầy số 1 - Đầu tư, Xây dựng' } });
      expect(body.message).toMatch(/^SIPAS – Quầy số 1 - Đầu tư, Xây dựng: Chỉ số SIPAS chung trong 30 ngày qua: 80,00%/);
      // A body changed on the way no longer matches its signature.
      expect(createHmac('sha256', key).update(hook.hooks[1]!.body.replace('80,00', '99,00')).digest('hex')).not.toBe(hook.hooks[1]!.headers['x-sipas-signature']!.slice(7));
      const log = (await t.call('GET', '/api/alerts/deliveries', undefined, admin.headers)).body;
      expect(log.map((d: { channel: string; status: string; attempts: number; lastError: string | null }) => [d.channel, d.status, d.attempts, d.lastError])).toEqual([['webhook', 'sent', 2, null]]);
      expect((await t.call('GET', '/api/alerts/webhook-key', undefined, lan.headers)).status).toBe(403);
    } finally {
      await hook.close();
    }
  });

  it('keeps rules to the units a manager may see, and records them in the audit log', async () => {
    const viewer = await signIn(t, 'hoa', 'viewer', 'MC');
    const outside = await signIn(t, 'tuan', 'viewer', 'TTCK');
    expect((await rule({ unit: 'TTCK', kind: 'complaints_overdue' })).body.error.code).toBe('forbidden_unit');
    expect((await rule({ unit: 'MC', kind: 'complaints_overdue' }, viewer)).status).toBe(403);
    const bad = await rule({ unit: 'MC', kind: 'index_fell', element: 'nope', recipients: ['tuan', 'ghost'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { code: string }) => i.code).sort()).toEqual(['recipient_out_of_scope', 'unknown_element', 'unknown_recipient']);
    expect((await rule({ unit: 'MC', kind: 'index_fell', days: 0 })).status).toBe(400);
    expect((await rule({ unit: 'MC', kind: 'index_fell', webhookUrl: 'file:///etc/passwd' }, admin)).status).toBe(400);
    const made = await rule({ unit: 'MC', kind: 'index_fell', recipients: ['hoa'] });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ unit: 'MC', survey: 'sipas-2017', element: 'overall', days: 30, enabled: true, firing: false });
    const rules = (await t.call('GET', '/api/alerts/rules', undefined, (await signIn(t, 'binh', 'manager', 'TTCK')).headers)).body;
    expect(rules).toEqual([]);
    expect((await t.call('DELETE', `/api/alerts/rules/${made.body.id}`, undefined, (await signIn(t, 'khoa', 'manager', 'TTCK')).headers)).status).toBe(404);
    expect((await t.call('PATCH', `/api/alerts/rules/${made.body.id}`, { enabled: false }, lan.headers)).body.enabled).toBe(false);
    expect((await t.call('DELETE', `/api/alerts/rules/${made.body.id}`, undefined, lan.headers)).status).toBe(200);
    expect((await t.call('GET', '/api/alerts/rules', undefined, outside.headers)).status).toBe(403);
    const log = (await t.call('GET', '/api/staff/audit', undefined, admin.headers)).body as { action: string }[];
    expect(log.filter((e) => e.action.startsWith('alerts.')).map((e) => e.action).sort()).toEqual(['alerts.rule.create', 'alerts.rule.delete', 'alerts.rule.update']);
  });

  it('sends each staff member one weekly digest of their units, from Monday 07:00', async () => {
    await storeResponses(t, seats('MC-Q1', 90, 100, 1, 6));
    await t.call('PUT', '/api/alerts/contact', { email: 'lan@mc.langson.gov.vn', weeklyDigest: true }, lan.headers);
    await t.call('PUT', '/api/alerts/contact', { email: 'root@langson.gov.vn', weeklyDigest: true }, admin.headers);
    const nobody = await signIn(t, 'hoa', 'viewer', 'MC'); // no e-mail: no digest
    await t.call('PUT', '/api/alerts/contact', { email: null, weeklyDigest: true }, nobody.headers);
    const scheduler = testScheduler(t, mail);
    expect(await scheduler.runOnce()).toMatchObject({ digests: 0 }); // 06:00
    t.clock.now = new Date(MONDAY_EARLY.getTime() + 2 * 3_600_000); // 08:00
    expect(await scheduler.runOnce()).toMatchObject({ digests: 2, sent: 2 });
    expect(await scheduler.runOnce()).toMatchObject({ digests: 0, sent: 0 });
    const messages = await mail.received(2);
    const toLan = messages.find((m) => m.to && 'text' in m.to && m.to.text === 'lan@mc.langson.gov.vn')!;
    expect(toLan.subject).toBe('[SIPAS] Tóm tắt tuần 24/03/2026 – 30/03/2026');
    expect(toLan.text).toContain('■ Bộ phận Một cửa');
    expect(toLan.text).toContain('Khảo sát sự hài lòng về sự phục vụ hành chính (SIPAS): 90,00%');
    expect(toLan.text).not.toContain('Trung tâm Quản lý cửa khẩu');
    t.clock.now = new Date(MONDAY_EARLY.getTime() + 7 * 86_400_000 + 2 * 3_600_000); // the next Monday
    expect(await scheduler.runOnce()).toMatchObject({ digests: 2 });
  });

  it('logs e-mail as skipped when no SMTP server is configured', async () => {
    await t.call('PUT', '/api/alerts/contact', { email: 'root@langson.gov.vn', weeklyDigest: false }, admin.headers);
    await storeResponses(t, seats('MC-Q1', 160, 200, 1, 29));
    await rule({ unit: 'MC-Q1', kind: 'index_below_target', recipients: ['root'] }, admin);
    expect(await testScheduler(t, null).runOnce()).toMatchObject({ opened: 1, sent: 0 });
    const log = (await t.call('GET', '/api/alerts/deliveries', undefined, admin.headers)).body;
    expect(log.map((d: { status: string; lastError: string }) => [d.status, d.lastError])).toEqual([['skipped', 'SMTP is not configured (SMTP_URL)']]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testScheduler } from '../helpers/alert-scheduler';
import { startAlertChild, type AlertChild } from '../helpers/alert-child';
import { startMailServer, type MailServer } from '../helpers/mail-server';
import { signIn } from '../helpers/staff-session';
import { storeResponses } from '../helpers/store-responses';
import { createAppOn, createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

// Two app servers on one database, each running its own alert checks at the same moments: every
// alert, digest and message still goes out exactly once (the claims are in the database). The
// second server's checks run in a process of their own, as a real second server would: two
// SQLite connections in one process would wait on each other's lock synchronously.
describe.each(dialects)('alerts from two app servers on one %s database', (dialect) => {
  let a: TestApp;
  let b: TestApp;
  let mail: MailServer;
  let hook: WebhookReceiver;
  beforeEach(async () => {
    // Monday 30 March 2026, 08:00 in Vietnam: the week's digests are due too.
    a = await createTestApp(dialect, { now: new Date('2026-03-30T01:00:00Z') });
    b = await createAppOn(a.database.config, { now: a.clock.now });
    mail = await startMailServer();
    hook = await startWebhookReceiver();
  });
  afterEach(async () => {
    await b.close();
    await a.close();
    await mail.close();
    await hook.close();
  });

  it('sends each alert e-mail, webhook and digest once', async () => {
    const admin = await signIn(a, 'root', 'admin');
    const lan = await signIn(b, 'lan', 'manager', 'MC');
    await a.call('PUT', '/api/alerts/contact', { email: 'root@langson.gov.vn', weeklyDigest: true }, admin.headers);
    await b.call('PUT', '/api/alerts/contact', { email: 'lan@mc.langson.gov.vn', weeklyDigest: false }, lan.headers);
    await storeResponses(a, Array.from({ length: 200 }, (_, i) => ({ unit: 'MC-Q1', submittedAt: new Date(Date.parse('2026-03-02T03:00:00Z') + i * 3_600_000).toISOString(), answers: { access_seats: i < 160 ? 4 : 2 } })));
    for (const unit of ['MC-Q1', 'MC']) {
      expect((await a.call('POST', '/api/alerts/rules', { unit, kind: 'index_below_target', recipients: ['root', 'lan'], webhookUrl: hook.url }, admin.headers)).status).toBe(201);
    }
    const one = testScheduler(a, mail);
    const two: AlertChild = await startAlertChild(a.database, mail.url);
    for (let round = 0; round < 3; round++) {
      const [x, y] = await Promise.all([one.runOnce(), two.run(a.clock.now)]);
      if (round === 0) expect(x.opened + y.opened).toBe(2);
      else expect(x.opened + y.opened + x.sent + y.sent + x.digests + y.digests).toBe(0);
    }
    await two.stop();
    // 2 alerts × 2 recipients, and one digest (only root asked for it).
    const messages = await mail.received(5);
    expect(messages).toHaveLength(5);
    expect(messages.filter((m) => m.subject!.startsWith('[SIPAS] Cảnh báo')).map((m) => (m.to as { text: string }).text).sort()).toEqual([
      'lan@mc.langson.gov.vn', 'lan@mc.langson.gov.vn', 'root@langson.gov.vn', 'root@langson.gov.vn',
    ]);
    expect(messages.filter((m) => m.subject!.startsWith('[SIPAS] Tóm tắt tuần')).map((m) => (m.to as { text: string }).text)).toEqual(['root@langson.gov.vn']);
    expect(hook.hooks).toHaveLength(2);
    expect(new Set(hook.hooks.map((h) => JSON.parse(h.body).unit.code))).toEqual(new Set(['MC-Q1', 'MC']));
    const rows = await a.database.handle.db.selectFrom('alerts').select('rule_id').execute();
    expect(rows).toHaveLength(2);
  });
});

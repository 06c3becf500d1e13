// The real alert scheduler on a test app's database, its clock the app's clock, mail to a real
// in-process SMTP server (or none: SMTP not configured).
import { AlertScheduler } from '../../server/alerts/alert-scheduler';
import { smtpMailer } from '../../server/alerts/mailer';
import { localesDir } from '../../server/paths';
import type { MailServer } from './mail-server';
import type { TestApp } from './test-app';

/** The secret createTestApp gives every app (webhook keys derive from it). */
export const TEST_SECRET = Buffer.alloc(32, 7);

export function testScheduler(t: TestApp, mail: MailServer | null): AlertScheduler {
  return new AlertScheduler({
    db: t.database.handle.db,
    surveys: t.database.surveys,
    secret: TEST_SECRET,
    localesDir,
    publicUrl: 'http://sipas.test',
    mailer: mail ? smtpMailer(mail.url, 'SIPAS <sipas@sipas.test>') : null,
    clock: () => t.clock.now,
    webhookTimeoutMs: 5_000,
  });
}

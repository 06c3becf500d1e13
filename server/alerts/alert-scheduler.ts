// Checks the alert rules, opens and resolves alerts, claims each week's digests and sends what is
// due. Every claim is a conditional write in the database, so any number of app servers can run
// this at once and each alert, digest and message still goes out once. The clock is injected and
// runOnce() can be called directly: tests never wait for a timer.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { NewAlertDeliveryRow } from '../db/tables/alert-deliveries';
import { staffText } from '../exports/staff-text';
import { claimDueDeliveries, recordAttempt } from '../repos/alert-deliveries';
import { listAlertRules, openAlert, recordCheck, resolveAlert } from '../repos/alert-rules';
import { listUnits } from '../repos/organisation';
import { canSeeUnit } from '../auth/staff-scope';
import type { SurveyRegistry } from '../surveys/survey-registry';
import { alertText } from './alert-messages';
import { alertRecipients } from './recipients';
import { evaluateRule } from './evaluate-rule';
import type { Mailer } from './mailer';
import { postWebhook, webhookKey } from './webhook';
import { claimWeeklyDigests } from './digest-claims';

/** Minutes to wait after each failed attempt; after the last, the message is marked failed. */
export const RETRY_MINUTES = [1, 5, 15, 60, 240];
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;

export interface AlertDeps {
  db: Kysely<Database>;
  surveys: SurveyRegistry;
  secret: Buffer;
  localesDir: string;
  publicUrl: string;
  /** null: SMTP is not configured; e-mails are logged as skipped. */
  mailer: Mailer | null;
  clock: () => Date;
  webhookTimeoutMs?: number;
  /** How long a server holds a message it is sending before another may take it over. */
  leaseMs?: number;
}

export interface RunSummary {
  opened: number;
  resolved: number;
  digests: number;
  sent: number;
  retried: number;
  failed: number;
}

export class AlertScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RunSummary> | undefined;
  constructor(private readonly deps: AlertDeps) {}

  /** One pass: rules, digests, then the messages that are due. */
  async runOnce(now = this.deps.clock()): Promise<RunSummary> {
    const { db, surveys } = this.deps;
    const t = staffText(this.deps.localesDir, 'vi');
    const summary: RunSummary = { opened: 0, resolved: 0, digests: 0, sent: 0, retried: 0, failed: 0 };
    const units = await listUnits(db);
    const staffUrl = `${this.deps.publicUrl}/staff`;
    for (const rule of (await listAlertRules(db, null)).filter((r) => r.enabled === 1)) {
      const check = await evaluateRule({ db, surveys, units, now }, rule);
      await recordCheck(db, rule.id, check.figures, now);
      if (check.fires && rule.firing === 0) {
        const unit = units.find((u) => u.code === rule.unit_code);
        const element = rule.element === 'overall' ? t('scores.overall') : (surveys.get(rule.survey_id)?.elements.find((e) => e.id === rule.element)?.title.vi ?? rule.element);
        const message = alertText(t, rule, check.figures, unit?.name_vi ?? rule.unit_code, element, staffUrl);
        const recipients = await alertRecipients(db, rule, (u) => canSeeUnit(u, rule.unit_code));
        const alertId = randomUUID();
        const row = (channel: 'email' | 'webhook', target: string, subject: string, body: string): NewAlertDeliveryRow => ({
          id: randomUUID(), alert_id: alertId, unit_code: rule.unit_code, purpose: 'alert', channel, target, subject, body, status: 'pending', next_attempt_at: now.toISOString(), created_at: now.toISOString(), lease_until: null, last_error: null, sent_at: null,
        });
        const opened = await openAlert(db, rule, { id: alertId, figures: check.figures }, () => [
          ...recipients.map((email) => row('email', email, message.subject, message.text)),
          ...(rule.webhook_url
            ? [row('webhook', rule.webhook_url, message.subject, JSON.stringify({ event: 'alert.opened', alert: alertId, rule: rule.id, kind: rule.kind, unit: { code: rule.unit_code, name: unit?.name_vi ?? rule.unit_code }, openedAt: now.toISOString(), figures: check.figures, message: message.short, url: staffUrl }))]
            : []),
        ], now);
        if (opened) summary.opened += 1;
      } else if (!check.fires && rule.firing === 1 && (await resolveAlert(db, rule.id, now))) {
        summary.resolved += 1;
      }
    }
    summary.digests = await claimWeeklyDigests({ db, surveys, units, now, t, staffUrl });
    await this.sendDue(now, summary);
    return summary;
  }

  private async sendDue(now: Date, summary: RunSummary): Promise<void> {
    const { db, mailer } = this.deps;
    const key = webhookKey(this.deps.secret);
    for (const d of await claimDueDeliveries(db, now, this.deps.leaseMs ?? 5 * 60_000, 100)) {
      try {
        if (d.channel === 'email') {
          if (!mailer) {
            await recordAttempt(db, d.id, { status: 'skipped', error: 'SMTP is not configured (SMTP_URL)' }, now);
            continue;
          }
          await mailer.send({ to: d.target, subject: d.subject, text: d.body });
        } else {
          await postWebhook(d.target, d.body, key, d.id, this.deps.webhookTimeoutMs ?? 10_000);
        }
        await recordAttempt(db, d.id, { status: 'sent' }, now);
        summary.sent += 1;
      } catch (error) {
        const attempts = d.attempts + 1;
        const message = error instanceof Error ? error.message : String(error);
        if (attempts >= MAX_ATTEMPTS) {
          await recordAttempt(db, d.id, { status: 'failed', error: message }, now);
          summary.failed += 1;
        } else {
          await recordAttempt(db, d.id, { status: 'pending', error: message, retryAt: new Date(now.getTime() + RETRY_MINUTES[attempts - 1]! * 60_000) }, now);
          summary.retried += 1;
        }
      }
    }
  }

  /** Runs every `intervalMs` (never two runs at once on this server) until stop(). */
  start(intervalMs: number): void {
    if (this.timer || intervalMs <= 0) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.runOnce().catch((error: unknown) => {
        console.error('[sipas] alert run failed:', error);
        return { opened: 0, resolved: 0, digests: 0, sent: 0, retried: 0, failed: 0 };
      });
      void this.running.finally(() => (this.running = undefined));
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    tick();
  }

  /** Stops the timer and waits for a run in progress to finish. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}

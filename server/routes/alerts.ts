import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { alertSentence } from '../alerts/alert-messages';
import { checkRule } from '../alerts/check-rule';
import { contactBody, newRuleBody, ruleChangeBody, ruleView } from '../alerts/rule-body';
import { webhookKey } from '../alerts/webhook';
import { requireStaff, staffOf } from '../auth/staff-auth';
import { canSeeUnit } from '../auth/staff-scope';
import { staffText } from '../exports/staff-text';
import { HttpError } from '../http-error';
import { listDeliveries } from '../repos/alert-deliveries';
import { deleteAlertRule, findAlertRule, insertAlertRule, listAlertRules, listOpenAlerts, updateAlertRule } from '../repos/alert-rules';
import { recordAudit } from '../repos/audit-log';
import { listUnits } from '../repos/organisation';
import { getStaffContact, saveStaffContact } from '../repos/staff-contacts';
import { validate } from '../validate';

export const alertsLangQuery = z.object({ lang: z.enum(['vi', 'en']).default('vi') }).strict();
export const ruleIdParam = z.object({ id: z.string().min(1).max(64) }).strict();

/** Alert rules (admins, and managers for their units), open alerts for everyone, the delivery log, and one's own e-mail. */
export function alertRoutes(deps: AppDeps) {
  const managers = requireStaff(deps, { roles: ['admin', 'manager'] });
  const visibleRule = async (c: Parameters<typeof staffOf>[0], id: string) => {
    const rule = await findAlertRule(deps.db, id);
    if (!rule || !canSeeUnit(staffOf(c).scope, rule.unit_code)) throw new HttpError(404, 'unknown_rule', 'No such rule in your units');
    return rule;
  };
  return new Hono()
    .use(requireStaff(deps))
    .get('/rules', managers, async (c) => c.json((await listAlertRules(deps.db, staffOf(c).scope.units ? [...staffOf(c).scope.units!] : null)).map(ruleView)))
    .post('/rules', managers, validate('json', newRuleBody), async (c) => {
      const staff = staffOf(c);
      const body = c.req.valid('json');
      const now = deps.clock();
      const checked = await checkRule(deps, staff, { ...body, survey: body.survey, days: body.days, target: body.target ?? null, webhookUrl: body.webhookUrl ?? null });
      const id = randomUUID();
      await insertAlertRule(deps.db, {
        id, unit_code: body.unit, kind: body.kind, survey_id: checked.survey, element: checked.element, days: checked.days, target: body.target ?? null,
        recipients: JSON.stringify(body.recipients), webhook_url: body.webhookUrl ?? null, enabled: body.enabled ? 1 : 0, created_by: staff.user.username, created_at: now.toISOString(), updated_at: now.toISOString(),
        last_checked_at: null, last_figures: null,
      });
      await recordAudit(deps.db, { actor: staff.user.username, action: 'alerts.rule.create', target: id, details: { ...body } }, now);
      return c.json(ruleView((await findAlertRule(deps.db, id))!), 201);
    })
    .patch('/rules/:id', managers, validate('param', ruleIdParam), validate('json', ruleChangeBody), async (c) => {
      const staff = staffOf(c);
      const rule = await visibleRule(c, c.req.valid('param').id);
      const body = c.req.valid('json');
      const merged = {
        unit: rule.unit_code, kind: rule.kind, survey: rule.survey_id || undefined, element: body.element ?? rule.element, days: body.days ?? rule.days,
        target: body.target === undefined ? rule.target : body.target, recipients: body.recipients ?? (JSON.parse(rule.recipients) as string[]),
        webhookUrl: body.webhookUrl === undefined ? rule.webhook_url : body.webhookUrl,
      };
      const checked = await checkRule(deps, staff, merged, rule.webhook_url);
      const now = deps.clock();
      await updateAlertRule(deps.db, rule.id, {
        element: checked.element, days: checked.days, target: merged.target, recipients: JSON.stringify(merged.recipients), webhook_url: merged.webhookUrl,
        ...(body.enabled === undefined ? {} : { enabled: body.enabled ? 1 : 0 }), updated_at: now.toISOString(),
      });
      await recordAudit(deps.db, { actor: staff.user.username, action: 'alerts.rule.update', target: rule.id, details: { ...body } }, now);
      return c.json(ruleView((await findAlertRule(deps.db, rule.id))!));
    })
    .delete('/rules/:id', managers, validate('param', ruleIdParam), async (c) => {
      const rule = await visibleRule(c, c.req.valid('param').id);
      await deleteAlertRule(deps.db, rule.id);
      await recordAudit(deps.db, { actor: staffOf(c).user.username, action: 'alerts.rule.delete', target: rule.id, details: { unit: rule.unit_code, kind: rule.kind } }, deps.clock());
      return c.json({ status: 'deleted' as const });
    })
    .get('/open', validate('query', alertsLangQuery), async (c) => {
      const { scope } = staffOf(c);
      const t = staffText(deps.localesDir, c.req.valid('query').lang);
      const [alerts, units] = await Promise.all([listOpenAlerts(deps.db, scope.units ? [...scope.units] : null), listUnits(deps.db)]);
      const rules = new Map((await listAlertRules(deps.db, scope.units ? [...scope.units] : null)).map((r) => [r.id, r]));
      return c.json(
        alerts.flatMap((a) => {
          const rule = rules.get(a.rule_id);
          if (!rule) return [];
          const unit = units.find((u) => u.code === a.unit_code);
          const element = rule.element === 'overall' ? t('scores.overall') : (deps.surveys.get(rule.survey_id)?.elements.find((e) => e.id === rule.element)?.title.vi ?? rule.element);
          return [{ id: a.id, rule: a.rule_id, unit: a.unit_code, unitName: unit ? { vi: unit.name_vi, en: unit.name_en } : { vi: a.unit_code, en: a.unit_code }, kind: a.kind, openedAt: a.opened_at, text: alertSentence(t, rule, JSON.parse(a.figures) as Record<string, unknown>, element) }];
        }),
      );
    })
    .get('/deliveries', managers, async (c) => {
      const { scope } = staffOf(c);
      const rows = await listDeliveries(deps.db, scope.units ? [...scope.units] : null);
      return c.json(rows.map((d) => ({ id: d.id, alert: d.alert_id, unit: d.unit_code, purpose: d.purpose, channel: d.channel, target: d.target, subject: d.subject, status: d.status, attempts: d.attempts, lastError: d.last_error, createdAt: d.created_at, sentAt: d.sent_at, nextAttemptAt: d.next_attempt_at })));
    })
    .get('/webhook-key', requireStaff(deps, { roles: ['admin'] }), (c) => c.json({ key: webhookKey(deps.secret), header: 'X-Sipas-Signature', algorithm: 'HMAC-SHA256 over the raw body, hex, prefixed "sha256="' }))
    .get('/contact', async (c) => c.json(await getStaffContact(deps.db, staffOf(c).user.id)))
    .put('/contact', validate('json', contactBody), async (c) => {
      const { user } = staffOf(c);
      const body = c.req.valid('json');
      const now = deps.clock();
      await saveStaffContact(deps.db, user.id, body, now);
      await recordAudit(deps.db, { actor: user.username, action: 'staff.contact', target: user.username, details: { email: body.email !== null, weeklyDigest: body.weeklyDigest } }, now);
      return c.json(await getStaffContact(deps.db, user.id));
    });
}

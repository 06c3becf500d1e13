// Alerts when service slips: rules (admins, and managers for their units), the open alerts every
// staff member sees, the delivery log, and one's own e-mail for alerts and the weekly digest.
import { z } from 'zod';
import { contactBody, newRuleBody, ruleChangeBody } from '../../alerts/rule-body';
import { ALERT_KINDS } from '../../db/tables/alert-rules';
import { alertsLangQuery, ruleIdParam } from '../../routes/alerts';
import type { Operation } from '../operation';

const managers = { staff: { roles: ['admin', 'manager'] } } as const;

const rule = z.object({
  id: z.string(), unit: z.string(), kind: z.enum(ALERT_KINDS), survey: z.string().nullable(), element: z.string(), days: z.number().int(),
  target: z.number().nullable(), recipients: z.array(z.string()), webhookUrl: z.string().nullable(), enabled: z.boolean(), firing: z.boolean(),
  lastCheckedAt: z.string().nullable(), lastFigures: z.unknown(), createdBy: z.string(), createdAt: z.string(),
});
const openAlert = z.object({
  id: z.string(), rule: z.string(), unit: z.string(), unitName: z.object({ vi: z.string(), en: z.string() }), kind: z.enum(ALERT_KINDS), openedAt: z.string(), text: z.string(),
});
const delivery = z.object({
  id: z.string(), alert: z.string().nullable(), unit: z.string().nullable(), purpose: z.string(), channel: z.string(), target: z.string(), subject: z.string(),
  status: z.string(), attempts: z.number().int(), lastError: z.string().nullable(), createdAt: z.string(), sentAt: z.string().nullable(), nextAttemptAt: z.string().nullable(),
});
const contact = z.object({ email: z.string().nullable(), weeklyDigest: z.boolean() });
const ruleErrors = { 403: ['forbidden_unit', 'webhook_admin_only'], 404: ['unknown_rule'] } as const;

export const alertOperations: Operation[] = [
  {
    method: 'get', path: '/api/alerts/rules', audience: 'staff', auth: managers,
    summary: { vi: 'Các quy tắc cảnh báo', en: 'Alert rules' },
    description: 'The rules of the caller\'s units.',
    ok: { 200: { description: 'Every rule in the caller\'s units', schema: z.array(rule) } },
  },
  {
    method: 'post', path: '/api/alerts/rules', audience: 'staff', auth: managers, body: newRuleBody,
    summary: { vi: 'Thêm quy tắc cảnh báo', en: 'Add an alert rule' },
    description: 'Audited (alerts.rule.create). Recipients must be active accounts that may see the unit; only admins set a webhook.',
    ok: { 201: { description: 'The rule', schema: rule } },
    errors: { 403: ['forbidden_unit', 'webhook_admin_only'] },
  },
  {
    method: 'patch', path: '/api/alerts/rules/{id}', audience: 'staff', auth: managers, params: ruleIdParam, body: ruleChangeBody,
    summary: { vi: 'Sửa quy tắc cảnh báo', en: 'Change an alert rule' },
    description: 'Audited (alerts.rule.update).',
    ok: { 200: { description: 'The rule as it now is', schema: rule } },
    errors: ruleErrors,
  },
  {
    method: 'delete', path: '/api/alerts/rules/{id}', audience: 'staff', auth: managers, params: ruleIdParam,
    summary: { vi: 'Xóa quy tắc cảnh báo', en: 'Delete an alert rule' },
    description: 'Audited (alerts.rule.delete).',
    ok: { 200: { description: 'Deleted', schema: z.object({ status: z.literal('deleted') }) } },
    errors: { 404: ['unknown_rule'] },
  },
  {
    method: 'get', path: '/api/alerts/open', audience: 'staff', auth: { staff: {} }, query: alertsLangQuery,
    summary: { vi: 'Các cảnh báo đang mở', en: 'Open alerts' },
    description: 'The alerts still firing in the caller\'s units, each as one sentence in the chosen language.',
    ok: { 200: { description: 'Open alerts, newest first', schema: z.array(openAlert) } },
  },
  {
    method: 'get', path: '/api/alerts/deliveries', audience: 'staff', auth: managers,
    summary: { vi: 'Nhật ký gửi cảnh báo', en: 'Alert delivery log' },
    ok: { 200: { description: 'E-mails and webhooks sent or being retried', schema: z.array(delivery) } },
  },
  {
    method: 'get', path: '/api/alerts/webhook-key', audience: 'admins', auth: { staff: { roles: ['admin'] } },
    summary: { vi: 'Khóa ký webhook', en: 'The webhook signing key' },
    description: 'Receivers check X-Sipas-Signature: HMAC-SHA256 of the raw body with this key.',
    ok: { 200: { description: 'The key and how it signs', schema: z.object({ key: z.string(), header: z.string(), algorithm: z.string() }) } },
  },
  {
    method: 'get', path: '/api/alerts/contact', audience: 'staff', auth: { staff: {} },
    summary: { vi: 'Thư điện tử nhận cảnh báo của tôi', en: 'My e-mail for alerts' },
    ok: { 200: { description: 'One\'s own address and digest choice', schema: contact } },
  },
  {
    method: 'put', path: '/api/alerts/contact', audience: 'staff', auth: { staff: {} }, body: contactBody,
    summary: { vi: 'Đặt thư điện tử nhận cảnh báo', en: 'Set my e-mail for alerts' },
    description: 'Audited (staff.contact), without the address itself.',
    ok: { 200: { description: 'As saved', schema: contact } },
  },
];

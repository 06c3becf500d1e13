// The shapes of alert-rule requests, checked at the edge, and what a rule looks like to staff.
import { z } from 'zod';
import { ALERT_KINDS, type AlertRuleRow } from '../db/tables/alert-rules';

const code = z.string().min(1).max(64);
const username = z.string().min(1).max(64);

export const ruleFields = {
  survey: code.optional().describe('Index rules: the questionnaire (default sipas-2017)'),
  element: code.default('overall').describe('Index rules: an element id, or "overall"'),
  days: z.number().int().min(1).max(365).optional().describe('Index rules: the last N days (default 30); kiosk rules: days of silence (default 1)'),
  target: z.number().min(0).max(100).nullable().optional().describe('index_below_target: percent; null uses the element\'s target'),
  recipients: z.array(username).max(50).default([]).describe('Staff usernames e-mailed when it fires'),
  webhookUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional().describe('Signed POST when it fires (admins only)'),
  enabled: z.boolean().default(true),
};

export const newRuleBody = z.object({ unit: code, kind: z.enum(ALERT_KINDS), ...ruleFields }).strict();
export const ruleChangeBody = z
  .object({
    element: code.optional(),
    days: ruleFields.days,
    target: ruleFields.target,
    recipients: z.array(username).max(50).optional(),
    webhookUrl: ruleFields.webhookUrl,
    enabled: z.boolean().optional(),
  })
  .strict();

export const contactBody = z.object({ email: z.email().max(254).nullable(), weeklyDigest: z.boolean() }).strict();

export function ruleView(row: AlertRuleRow) {
  return {
    id: row.id,
    unit: row.unit_code,
    kind: row.kind,
    survey: row.survey_id || null,
    element: row.element,
    days: row.days,
    target: row.target,
    recipients: JSON.parse(row.recipients) as string[],
    webhookUrl: row.webhook_url,
    enabled: row.enabled === 1,
    firing: row.firing === 1,
    lastCheckedAt: row.last_checked_at,
    lastFigures: row.last_figures ? (JSON.parse(row.last_figures) as unknown) : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

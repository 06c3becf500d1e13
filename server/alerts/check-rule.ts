// What a rule may say, beyond its shape: a unit the person may see, a questionnaire and element
// that exist, recipients who may see the unit, and a webhook only from an admin (a webhook sends
// figures to any address the server can reach).
import { canSeeUnit, staffScope } from '../auth/staff-scope';
import type { AppDeps } from '../app-deps';
import type { Staff } from '../auth/staff-auth';
import { HttpError } from '../http-error';
import { listUnits } from '../repos/organisation';
import { findUserByUsername } from '../repos/users';
import { invalid } from '../validate';

export interface RuleInput {
  unit: string;
  kind: string;
  survey?: string;
  element: string;
  days?: number;
  target: number | null;
  recipients: string[];
  webhookUrl: string | null;
}

const INDEX_KINDS = ['index_below_target', 'index_fell'];

/** Checks the rule for this staff member; returns the survey, element and days to store. */
export async function checkRule(deps: Pick<AppDeps, 'db' | 'surveys'>, staff: Staff, rule: RuleInput, webhookBefore: string | null = null): Promise<{ survey: string; element: string; days: number }> {
  if (!canSeeUnit(staff.scope, rule.unit)) throw new HttpError(403, 'forbidden_unit', `You may not watch unit "${rule.unit}"`);
  const units = await listUnits(deps.db);
  if (!units.some((u) => u.code === rule.unit)) throw invalid([{ path: 'unit', code: 'unknown_unit', message: `No unit with code "${rule.unit}"` }]);
  if (rule.webhookUrl !== webhookBefore && staff.user.role !== 'admin') throw new HttpError(403, 'webhook_admin_only', 'Only an admin may set a webhook address');
  const issues = [];
  const index = INDEX_KINDS.includes(rule.kind);
  const def = index ? deps.surveys.get(rule.survey ?? 'sipas-2017') : undefined;
  if (index && !def) issues.push({ path: 'survey', code: 'unknown_survey', message: `No questionnaire "${rule.survey ?? 'sipas-2017'}"` });
  if (def && rule.element !== 'overall' && !def.elements.some((e) => e.id === rule.element)) issues.push({ path: 'element', code: 'unknown_element', message: `"${rule.element}" is not an element of ${def.id}` });
  for (const name of rule.recipients) {
    const user = await findUserByUsername(deps.db, name);
    if (!user || user.disabled) issues.push({ path: 'recipients', code: 'unknown_recipient', message: `No active account "${name}"` });
    else if (!canSeeUnit(staffScope(user, units), rule.unit)) issues.push({ path: 'recipients', code: 'recipient_out_of_scope', message: `"${name}" may not see unit "${rule.unit}"` });
  }
  if (issues.length) throw invalid(issues);
  return { survey: def?.id ?? '', element: index ? rule.element : 'overall', days: rule.days ?? (rule.kind === 'kiosk_silent' ? 1 : 30) };
}

// Who gets a rule's e-mail: the staff it names who still have an e-mail address, an active
// account, and the right to see the rule's unit (a moved or disabled account stops receiving).
import type { Kysely } from 'kysely';
import { staffScope, type StaffScope } from '../auth/staff-scope';
import type { Database } from '../db/database';
import type { AlertRuleRow } from '../db/tables/alert-rules';
import { listUnits } from '../repos/organisation';
import { listReachableStaff } from '../repos/staff-contacts';

export async function alertRecipients(db: Kysely<Database>, rule: AlertRuleRow, allowed: (scope: StaffScope) => boolean): Promise<string[]> {
  const names = new Set(JSON.parse(rule.recipients) as string[]);
  if (!names.size) return [];
  const units = await listUnits(db);
  const staff = (await listReachableStaff(db)).filter((u) => names.has(u.username));
  return [...new Set(staff.filter((u) => allowed(staffScope(u, units))).map((u) => u.email))];
}

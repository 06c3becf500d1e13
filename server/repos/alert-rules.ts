import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { AlertRuleRow, NewAlertRuleRow } from '../db/tables/alert-rules';
import type { NewAlertDeliveryRow } from '../db/tables/alert-deliveries';

export async function listAlertRules(db: Kysely<Database>, units: readonly string[] | null): Promise<AlertRuleRow[]> {
  let q = db.selectFrom('alert_rules').selectAll().orderBy('unit_code').orderBy('created_at');
  if (units) q = q.where('unit_code', 'in', units.length ? [...units] : ['\u0000none']);
  return q.execute();
}

export async function findAlertRule(db: Kysely<Database>, id: string): Promise<AlertRuleRow | undefined> {
  return db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAlertRule(db: Kysely<Database>, rule: NewAlertRuleRow): Promise<void> {
  await db.insertInto('alert_rules').values(rule).execute();
}

export async function updateAlertRule(db: Kysely<Database>, id: string, changes: Partial<Omit<AlertRuleRow, 'id' | 'created_at' | 'created_by'>>): Promise<void> {
  await db.updateTable('alert_rules').set(changes).where('id', '=', id).execute();
}

export async function deleteAlertRule(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('alert_rules').where('id', '=', id).execute();
}

/** Notes when a rule was last checked and what it saw. */
export async function recordCheck(db: Kysely<Database>, id: string, figures: unknown, now: Date): Promise<void> {
  await db.updateTable('alert_rules').set({ last_checked_at: now.toISOString(), last_figures: JSON.stringify(figures) }).where('id', '=', id).execute();
}

/**
 * Opens an alert if the rule was not firing: the conditional update is the claim, so when several
 * servers see the condition at once exactly one opens the alert and queues its messages.
 */
export async function openAlert(
  db: Kysely<Database>,
  rule: AlertRuleRow,
  alert: { id: string; figures: unknown },
  deliveries: (alertId: string, episode: number) => NewAlertDeliveryRow[],
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('alert_rules')
      .set((eb) => ({ firing: 1, episode: eb('episode', '+', 1) }))
      .where('id', '=', rule.id)
      .where('firing', '=', 0)
      .returning('episode')
      .executeTakeFirst();
    if (!claimed) return false;
    await trx
      .insertInto('alerts')
      .values({ id: alert.id, rule_id: rule.id, episode: claimed.episode, unit_code: rule.unit_code, kind: rule.kind, opened_at: now.toISOString(), resolved_at: null, figures: JSON.stringify(alert.figures) })
      .execute();
    const rows = deliveries(alert.id, claimed.episode);
    if (rows.length) await trx.insertInto('alert_deliveries').values(rows).execute();
    return true;
  });
}

/** Closes the open alert once the condition no longer holds (one server wins, as for opening). */
export async function resolveAlert(db: Kysely<Database>, ruleId: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.updateTable('alert_rules').set({ firing: 0 }).where('id', '=', ruleId).where('firing', '=', 1).returning('episode').executeTakeFirst();
    if (!claimed) return false;
    await trx.updateTable('alerts').set({ resolved_at: now.toISOString() }).where('rule_id', '=', ruleId).where('episode', '=', claimed.episode).execute();
    return true;
  });
}

/** Open alerts in these units (null: all), newest first. */
export async function listOpenAlerts(db: Kysely<Database>, units: readonly string[] | null) {
  let q = db.selectFrom('alerts').selectAll().where('resolved_at', 'is', null).orderBy('opened_at', 'desc').limit(200);
  if (units) q = q.where('unit_code', 'in', units.length ? [...units] : ['\u0000none']);
  return q.execute();
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { AlertDeliveryRow, NewAlertDeliveryRow } from '../db/tables/alert-deliveries';

export async function enqueueDeliveries(db: Kysely<Database>, rows: readonly NewAlertDeliveryRow[]): Promise<void> {
  if (rows.length) await db.insertInto('alert_deliveries').values([...rows]).execute();
}

/**
 * Takes up to `limit` due messages for this server: each is claimed by a conditional update that
 * sets a lease, so two servers never send the same message (a server that dies mid-send leaves
 * it to be taken over when the lease ends).
 */
export async function claimDueDeliveries(db: Kysely<Database>, now: Date, leaseMs: number, limit: number): Promise<AlertDeliveryRow[]> {
  const at = now.toISOString();
  const due = await db
    .selectFrom('alert_deliveries')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  const lease = new Date(now.getTime() + leaseMs).toISOString();
  const claimed: AlertDeliveryRow[] = [];
  for (const d of due) {
    const won = await db
      .updateTable('alert_deliveries')
      .set({ lease_until: lease })
      .where('id', '=', d.id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .returning('id')
      .executeTakeFirst();
    if (won) claimed.push({ ...d, lease_until: lease });
  }
  return claimed;
}

/** Records an attempt: sent, skipped, failed for good, or to be tried again at `retryAt`. */
export async function recordAttempt(
  db: Kysely<Database>,
  id: string,
  outcome: { status: 'sent' | 'skipped' | 'failed' | 'pending'; error?: string; retryAt?: Date },
  now: Date,
): Promise<void> {
  await db
    .updateTable('alert_deliveries')
    .set((eb) => ({
      status: outcome.status,
      attempts: eb('attempts', '+', 1),
      lease_until: null,
      last_error: outcome.error ?? null,
      ...(outcome.status === 'sent' ? { sent_at: now.toISOString() } : {}),
      ...(outcome.retryAt ? { next_attempt_at: outcome.retryAt.toISOString() } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

/** The delivery log, newest first, for these units (null: all). */
export async function listDeliveries(db: Kysely<Database>, units: readonly string[] | null, limit = 200): Promise<AlertDeliveryRow[]> {
  let q = db.selectFrom('alert_deliveries').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit);
  if (units) q = q.where('unit_code', 'in', units.length ? [...units] : ['\u0000none']);
  return q.execute();
}

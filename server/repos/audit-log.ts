import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { AuditLogRow } from '../db/tables/audit-log';

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  details?: Record<string, unknown>;
}

/** Appends to the audit log; call inside the transaction that makes the change. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ id: randomUUID(), at: now.toISOString(), actor: entry.actor, action: entry.action, target: entry.target, details: JSON.stringify(entry.details ?? {}) })
    .execute();
}

export async function listAudit(db: Kysely<Database>, limit = 200, before?: string): Promise<AuditLogRow[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit);
  if (before) q = q.where('at', '<', before);
  return q.execute();
}

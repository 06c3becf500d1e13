import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { ResultPublicationRow } from '../db/tables/result-publications';
import { recordAudit } from './audit-log';

export async function listPublications(db: Kysely<Database>): Promise<ResultPublicationRow[]> {
  return db.selectFrom('result_publications').selectAll().orderBy('unit_code').execute();
}

/** Publishes a unit's results (again: nothing changes) and audits it. */
export async function publishUnitResults(db: Kysely<Database>, unit: string, actor: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto('result_publications')
      .values({ unit_code: unit, published_by: actor, published_at: now.toISOString() })
      .onConflict((oc) => oc.column('unit_code').doNothing())
      .returning('unit_code')
      .execute();
    if (added.length) await recordAudit(trx, { actor, action: 'results.publish', target: unit }, now);
  });
}

/** Withdraws a unit's results from the public page and audits it. */
export async function withdrawUnitResults(db: Kysely<Database>, unit: string, actor: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('result_publications').where('unit_code', '=', unit).returning('unit_code').execute();
    if (removed.length) await recordAudit(trx, { actor, action: 'results.withdraw', target: unit }, now);
  });
}

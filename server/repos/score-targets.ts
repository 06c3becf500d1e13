import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { recordAudit } from './audit-log';

/** The target of an element nobody has set one for, in percent. */
export const DEFAULT_TARGET = 90;

/** The target of every element id given, the default where none is stored. */
export async function readTargets(db: Kysely<Database>, surveyId: string, elementIds: readonly string[]): Promise<Record<string, number>> {
  const rows = await db.selectFrom('score_targets').select(['element_id', 'target']).where('survey_id', '=', surveyId).execute();
  const stored = new Map(rows.map((r) => [r.element_id, Number(r.target)]));
  return Object.fromEntries(elementIds.map((id) => [id, stored.get(id) ?? DEFAULT_TARGET]));
}

/** Stores new targets and audits the change, in one transaction. */
export async function saveTargets(db: Kysely<Database>, surveyId: string, targets: Record<string, number>, actor: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [element_id, target] of Object.entries(targets)) {
      await trx
        .insertInto('score_targets')
        .values({ survey_id: surveyId, element_id, target, updated_at: now.toISOString(), updated_by: actor })
        .onConflict((oc) => oc.columns(['survey_id', 'element_id']).doUpdateSet({ target, updated_at: now.toISOString(), updated_by: actor }))
        .execute();
    }
    await recordAudit(trx, { actor, action: 'targets.update', target: surveyId, details: { targets } }, now);
  });
}

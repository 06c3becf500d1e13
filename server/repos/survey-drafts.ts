import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { Database } from '../db/database';
import type { SurveyDraftRow } from '../db/tables/survey-versions';
import { canonicalJson } from '../util/canonical-json';

export async function findSurveyDraft(db: Kysely<Database>, surveyId: string): Promise<SurveyDraftRow | undefined> {
  return db.selectFrom('survey_drafts').selectAll().where('survey_id', '=', surveyId).executeTakeFirst();
}

export async function listSurveyDrafts(db: Kysely<Database>): Promise<SurveyDraftRow[]> {
  return db.selectFrom('survey_drafts').selectAll().orderBy('survey_id').execute();
}

/** A new draft; false when the questionnaire has one already (two admins at once: one wins). */
export async function insertSurveyDraft(db: Kysely<Database>, draft: { definition: SurveyDefinition; basedOn: number | null; by: string }, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('survey_drafts')
    .values({ survey_id: draft.definition.id, version: draft.definition.version, based_on: draft.basedOn, definition: canonicalJson(draft.definition), updated_at: now.toISOString(), updated_by: draft.by })
    .onConflict((oc) => oc.column('survey_id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Replaces the draft's definition when it is still the one read at `expected` (when given);
 * false when it changed meanwhile or is gone.
 */
export async function updateSurveyDraft(db: Kysely<Database>, def: SurveyDefinition, by: string, now: Date, expected?: string): Promise<boolean> {
  let query = db
    .updateTable('survey_drafts')
    .set({ definition: canonicalJson(def), updated_at: now.toISOString(), updated_by: by })
    .where('survey_id', '=', def.id);
  if (expected !== undefined) query = query.where('updated_at', '=', expected);
  const updated = await query.executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export async function deleteSurveyDraft(db: Kysely<Database>, surveyId: string, expected?: string): Promise<boolean> {
  let query = db.deleteFrom('survey_drafts').where('survey_id', '=', surveyId);
  if (expected !== undefined) query = query.where('updated_at', '=', expected);
  const deleted = await query.executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

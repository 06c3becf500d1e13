import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { Database } from '../db/database';
import type { SurveyVersionRow } from '../db/tables/survey-versions';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256-hex';

/**
 * Records each published definition of the survey-defs/ files the first time it is seen (published
 * by nobody: it came with the software) and refuses to start when a published version's content
 * has changed since: answers must keep meaning what they meant.
 */
export async function registerSurveyVersions(db: Kysely<Database>, defs: SurveyDefinition[], now = new Date()): Promise<void> {
  let added = false;
  for (const def of defs.filter((d) => d.status === 'published')) {
    const definition = canonicalJson(def);
    const hash = sha256Hex(definition);
    const known = await db
      .selectFrom('survey_versions')
      .select(['content_hash', 'published_by'])
      .where('survey_id', '=', def.id)
      .where('version', '=', def.version)
      .executeTakeFirst();
    if (!known) {
      const at = now.toISOString();
      const inserted = await db
        .insertInto('survey_versions')
        .values({ survey_id: def.id, version: def.version, content_hash: hash, definition, first_seen_at: at, published_at: at, published_by: null, retired_at: null })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      added ||= Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    } else if (known.content_hash !== hash && known.published_by !== null) {
      throw new Error(
        `survey definition file ${def.id}.v${def.version}.json names a version ${known.published_by} published from the staff editor, ` +
          `with other content; rename the file to the next free version`,
      );
    } else if (known.content_hash !== hash) {
      throw new Error(
        `survey definition ${def.id} v${def.version} was changed after it was published; ` +
          `restore it and publish the change as version ${def.version + 1}`,
      );
    }
  }
  // Servers already running learn of a version a newer file brought in on this one's start.
  if (added) await bumpCatalogGeneration(db);
}

/** Every published version, oldest first within a questionnaire. */
export async function listSurveyVersions(db: Kysely<Database>, surveyId?: string): Promise<SurveyVersionRow[]> {
  let query = db.selectFrom('survey_versions').selectAll().orderBy('survey_id').orderBy('version');
  if (surveyId !== undefined) query = query.where('survey_id', '=', surveyId);
  return query.execute();
}

export async function findSurveyVersion(db: Kysely<Database>, surveyId: string, version: number): Promise<SurveyVersionRow | undefined> {
  return db.selectFrom('survey_versions').selectAll().where('survey_id', '=', surveyId).where('version', '=', version).executeTakeFirst();
}

/** Stores a version published from the editor; false when that version exists already. */
export async function insertSurveyVersion(db: Kysely<Database>, def: SurveyDefinition, by: string, now: Date): Promise<boolean> {
  const definition = canonicalJson(def);
  const at = now.toISOString();
  const inserted = await db
    .insertInto('survey_versions')
    .values({ survey_id: def.id, version: def.version, content_hash: sha256Hex(definition), definition, first_seen_at: at, published_at: at, published_by: by, retired_at: null })
    .onConflict((oc) => oc.columns(['survey_id', 'version']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Marks a version retired from now on; false when it was retired already (or does not exist). */
export async function retireSurveyVersion(db: Kysely<Database>, surveyId: string, version: number, now: Date): Promise<boolean> {
  const updated = await db
    .updateTable('survey_versions')
    .set({ retired_at: now.toISOString() })
    .where('survey_id', '=', surveyId)
    .where('version', '=', version)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** The number every server compares with its own copy's to know it is stale. */
export async function readCatalogGeneration(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('survey_catalog').select('generation').where('id', '=', 1).executeTakeFirst();
  return Number(row?.generation ?? 0);
}

/** Call in the transaction that publishes or retires. */
export async function bumpCatalogGeneration(db: Kysely<Database>): Promise<void> {
  await db.updateTable('survey_catalog').set((eb) => ({ generation: eb('generation', '+', 1) })).where('id', '=', 1).execute();
}

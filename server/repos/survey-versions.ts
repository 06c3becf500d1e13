import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { Database } from '../db/database';
import { canonicalJson, sha256Hex } from '../util/canonical-json';

/**
 * Records each published definition the first time it is seen and refuses to start when a
 * published version's content has changed since: answers must keep meaning what they meant.
 */
export async function registerSurveyVersions(db: Kysely<Database>, defs: SurveyDefinition[], now = new Date()): Promise<void> {
  for (const def of defs.filter((d) => d.status === 'published')) {
    const definition = canonicalJson(def);
    const hash = sha256Hex(definition);
    const known = await db
      .selectFrom('survey_versions')
      .select('content_hash')
      .where('survey_id', '=', def.id)
      .where('version', '=', def.version)
      .executeTakeFirst();
    if (!known) {
      await db
        .insertInto('survey_versions')
        .values({ survey_id: def.id, version: def.version, content_hash: hash, definition, first_seen_at: now.toISOString() })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else if (known.content_hash !== hash) {
      throw new Error(
        `survey definition ${def.id} v${def.version} was changed after it was published; ` +
          `restore it and publish the change as version ${def.version + 1}`,
      );
    }
  }
}

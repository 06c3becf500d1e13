// Keeps a server's questionnaires in memory in step with the database. Every publish and
// retirement bumps one generation number in the same transaction; a server compares it with the
// number its copy was read at (one indexed read of one row) and reads the whole catalog again only
// when they differ. The registry's readers stay synchronous.
import type { Kysely } from 'kysely';
import { surveyDefinitionSchema, type SurveyDefinition } from '../../survey-defs/schema';
import type { Database } from '../db/database';
import { listSurveyVersions, readCatalogGeneration } from '../repos/survey-versions';
import { retirementKey, type SurveyRegistry } from '../surveys/survey-registry';

/** Reads every published version (retired ones too) and puts them in the registry. */
export async function loadCatalog(db: Kysely<Database>, registry: SurveyRegistry, fileDrafts: SurveyDefinition[] = []): Promise<void> {
  // The generation first: a publish landing between the two reads is then read again next time.
  const generation = await readCatalogGeneration(db);
  const rows = await listSurveyVersions(db);
  const retired = new Map<string, string>();
  const defs = rows.map((row) => {
    if (row.retired_at) retired.set(retirementKey(row.survey_id, row.version), row.retired_at);
    // Stored definitions were checked when they were published; parsing again restores the types.
    return surveyDefinitionSchema.parse(JSON.parse(row.definition));
  });
  // A draft file in survey-defs/ (never stored) is still known by its version, as before.
  const published = new Set(defs.map((d) => retirementKey(d.id, d.version)));
  defs.push(...fileDrafts.filter((d) => !published.has(retirementKey(d.id, d.version))));
  if (generation >= registry.generation) registry.replace(defs, retired, generation);
}

/** The check `registry.refresh()` runs: reload only when another server changed the catalog. */
export function catalogSync(db: Kysely<Database>, registry: SurveyRegistry, fileDrafts: SurveyDefinition[] = []): () => Promise<void> {
  let loading: Promise<void> | undefined;
  return async () => {
    const seen = await readCatalogGeneration(db);
    // Requests arriving together share one reload; one that started before the change this
    // request saw is not enough, so wait for it and read again.
    while (registry.generation < seen) {
      loading ??= loadCatalog(db, registry, fileDrafts).finally(() => {
        loading = undefined;
      });
      await loading;
    }
  };
}

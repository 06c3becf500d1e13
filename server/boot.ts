// What every entry point (server, CLI, tests) does first: open the database, bring its schema up
// to date, load the questionnaires (files seed the database, which holds them all) and make sure
// the organisation exists.
import { migrateToLatest } from './db/migrate';
import { openDatabase, type DatabaseConfig, type DatabaseHandle } from './db/open-database';
import { surveyDefsDir } from './paths';
import { catalogSync, loadCatalog } from './questionnaires/catalog-sync';
import { registerSurveyVersions } from './repos/survey-versions';
import { seedThemes } from './repos/theme-backfill';
import { classifyLegacyResponses } from './responses/classify-legacy';
import { seedDemoOrganisation } from './seed/demo-organisation';
import { loadSurveyDefs } from './surveys/load-survey-defs';
import { SurveyRegistry } from './surveys/survey-registry';
import { shippedLexicon } from './themes/shipped-lexicon';

export interface Booted {
  handle: DatabaseHandle;
  surveys: SurveyRegistry;
  /** True when this start created the demo organisation. */
  seededOrganisation: boolean;
}

export async function boot(config: DatabaseConfig, options: { seed?: boolean; surveyDir?: string } = {}): Promise<Booted> {
  // Definitions first: a broken file should stop start-up before anything touches the database.
  const surveys = new SurveyRegistry(loadSurveyDefs(options.surveyDir ?? surveyDefsDir));
  shippedLexicon();
  const handle = openDatabase(config);
  try {
    await migrateToLatest(handle.db, handle.dialect);
    // The files seed the database; from then on the database is the catalog: every version
    // published from a file or from the staff editor, with its retirement.
    const files = surveys.all();
    await registerSurveyVersions(handle.db, files);
    const fileDrafts = files.filter((d) => d.status !== 'published');
    await loadCatalog(handle.db, surveys, fileDrafts);
    surveys.attachSync(catalogSync(handle.db, surveys, fileDrafts));
    const legacy = await classifyLegacyResponses(handle.db, surveys);
    if (legacy.classified) console.log(`[sipas] classified ${legacy.classified} response(s) stored before channels needed proof; ${legacy.unverified} are now counted apart as unverified`);
    const themed = await seedThemes(handle.db, surveys, new Date());
    if (themed) console.log(`[sipas] tagged ${themed} earlier text(s) with themes`);
    const seededOrganisation = options.seed === false ? false : await seedDemoOrganisation(handle.db);
    return { handle, surveys, seededOrganisation };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

// What every entry point (server, CLI, tests) does first: open the database, bring its schema up
// to date, load the questionnaires and make sure the organisation exists.
import { migrateToLatest } from './db/migrate';
import { openDatabase, type DatabaseConfig, type DatabaseHandle } from './db/open-database';
import { surveyDefsDir } from './paths';
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
    await registerSurveyVersions(handle.db, surveys.all());
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

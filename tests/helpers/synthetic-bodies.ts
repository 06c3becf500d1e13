import { surveyDefsDir } from '../../server/paths';
import type { ResponseBody } from '../../server/responses/response-body';
import { readOrganisationFile } from '../../server/seed/demo-organisation';
import { syntheticResponses } from '../../server/seed/synthetic-responses';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';

/** Plausible, valid POST /api/responses bodies for the demo organisation. */
export function syntheticBodies(count: number, seed: number, now = new Date()): ResponseBody[] {
  const defs = loadSurveyDefs(surveyDefsDir);
  const sipas = defs.find((d) => d.id === 'sipas-2017')!;
  const quick = defs.find((d) => d.id === 'counter-quick')!;
  return [...syntheticResponses(readOrganisationFile(), { count, now, seed, sipas, quick })];
}

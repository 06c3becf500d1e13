import { Hono } from 'hono';
import { z } from 'zod';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { AppDeps } from '../app-deps';
import { HttpError } from '../http-error';
import { pageStrings } from '../page-strings';
import { publicResults } from '../public-results/public-results';
import { cachedResults } from '../public-results/results-cache';
import { resultsPage } from '../public-results/results-page';
import { validate } from '../validate';

const survey = z.string().min(1).max(64).optional().describe('A questionnaire; default sipas-2017 (or the first with elements)');
export const resultsQuery = z.object({ survey }).strict();
export const resultsPageQuery = z.object({ survey, lang: z.enum(['vi', 'en']).default('vi') }).strict();

/** The published results: the API anyone may read, and /ket-qua, the page for a phone. */
export function publicResultRoutes(deps: AppDeps) {
  const definition = (id: string | undefined): SurveyDefinition => {
    const def = id ? deps.surveys.get(id) : (deps.surveys.get('sipas-2017') ?? deps.surveys.listPublished().find((d) => d.elements.length > 1));
    if (!def) throw new HttpError(404, 'unknown_survey', `No questionnaire "${id ?? 'sipas-2017'}"`);
    return def;
  };
  const results = (def: SurveyDefinition) => {
    const now = deps.clock();
    return cachedResults(deps.db, def.id, now, () => publicResults(deps.db, def, now));
  };
  // Public and the same for everyone: proxies and browsers may keep it for a minute.
  const publicCache = { 'Cache-Control': 'public, max-age=60' };
  return new Hono()
    .get('/api/public/results', validate('query', resultsQuery), async (c) => c.json(await results(definition(c.req.valid('query').survey)), 200, publicCache))
    .get('/ket-qua', validate('query', resultsPageQuery), async (c) => {
      const { survey: id, lang } = c.req.valid('query');
      const page = resultsPage(await results(definition(id)), lang, pageStrings(deps.localesDir, lang));
      Object.entries(publicCache).forEach(([k, v]) => c.header(k, v));
      return c.html(page);
    });
}

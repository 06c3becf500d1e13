import { Hono } from 'hono';
import { z } from 'zod';
import { HttpError } from '../http-error';
import type { SurveyRegistry } from '../surveys/survey-registry';
import { validate } from '../validate';

export const versionQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

export function surveyRoutes(surveys: SurveyRegistry) {
  return new Hono()
    .get('/', (c) =>
      c.json(surveys.listPublished().map((d) => ({ id: d.id, version: d.version, title: d.title, method: d.method }))),
    )
    .get('/:id', validate('query', versionQuery), (c) => {
      const { version } = c.req.valid('query');
      // Without a version: the latest one offered (a retired version is still served by number,
      // for the kiosk that queued answers to it).
      const def = version ? surveys.get(c.req.param('id'), version) : surveys.offered(c.req.param('id'));
      if (!def) throw new HttpError(404, 'unknown_survey', `No questionnaire "${c.req.param('id')}"${version ? ` version ${version}` : ''}`);
      // Published definitions never change, so a browser or service worker may keep them.
      c.header('Cache-Control', version ? 'public, max-age=31536000, immutable' : 'no-cache');
      return c.json(def);
    });
}

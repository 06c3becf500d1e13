import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';
import { renderDocsPage } from '../openapi/docs-page';
import { docsQuery } from '../openapi/docs-query';
import { openApiDocument } from '../openapi/openapi-document';
import { pageStrings } from '../page-strings';
import { validate } from '../validate';

/** GET /api/openapi.json (the integration contract) and GET /api/docs (the same, for people). */
export function openApiRoutes(deps: AppDeps) {
  const document = openApiDocument(deps.publicUrl);
  return new Hono()
    .get('/openapi.json', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.json(document);
    })
    .get('/docs', validate('query', docsQuery), async (c) => {
      const { lang } = c.req.valid('query');
      c.header('Cache-Control', 'no-cache');
      return c.html(await renderDocsPage(deps.publicUrl, lang, pageStrings(deps.localesDir, lang)));
    });
}

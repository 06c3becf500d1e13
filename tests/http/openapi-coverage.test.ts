import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { openApiDocument } from '../../server/openapi/openapi-document';
import { UNDOCUMENTED_ROUTES } from '../../server/openapi/undocumented-routes';
import { localesDir, pagesDistDir } from '../../server/paths';

/** Every route hono really serves, as "METHOD /path/{param}". */
function servedRoutes(): string[] {
  // Building the app registers its routes; no request is made, so no database is needed.
  const app = createApp({ publicUrl: 'http://sipas.test', localesDir, pagesDir: pagesDistDir, secret: Buffer.alloc(32), clock: () => new Date() } as never);
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
}
const openApiPath = (route: string) => route.replace(/:(\w+)/g, '{$1}');

describe('the OpenAPI document covers the app', () => {
  const document = openApiDocument('http://sipas.test') as { paths: Record<string, Record<string, unknown>> };
  const documented = new Set(Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));

  it('describes every route the app serves, except the pages and their files', () => {
    const missing = servedRoutes().filter((r) => !(r in UNDOCUMENTED_ROUTES) && !documented.has(openApiPath(r)));
    expect(missing, 'add an entry in server/openapi/operations/ for each').toEqual([]);
  });

  it('describes no route the app does not serve', () => {
    const served = new Set(servedRoutes().map(openApiPath));
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
    expect(Object.keys(UNDOCUMENTED_ROUTES).filter((r) => !servedRoutes().includes(r))).toEqual([]);
  });
});

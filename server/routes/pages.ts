import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app-deps';
import { HttpError } from '../http-error';

/** The built pages, each under the address people use; assets are content-hashed and cached for good. */
export function pageRoutes(deps: AppDeps) {
  const page = (file: string) => async (c: Context) => {
    const path = join(deps.pagesDir, file);
    if (!existsSync(path)) throw new HttpError(503, 'pages_not_built', 'The pages are not built yet: run npm run build');
    c.header('Cache-Control', 'no-cache');
    const serve = serveStatic({ path, precompressed: true });
    return (await serve(c, async () => {})) ?? c.notFound();
  };
  return new Hono()
    .get('/', (c) => c.redirect('/kiosk'))
    .get('/kiosk', page('kiosk.html'))
    .get('/kiosk-sw.js', page('kiosk-sw.js'))
    .get('/staff', page('staff.html'))
    // The phone page of a QR invitation, and the page for typing the short code.
    .get('/s', page('phone.html'))
    .get('/s/:token', page('phone.html'))
    // A unit's open link (when an admin has turned it on): the same page, about the unit alone.
    .get('/danh-gia/:unit', page('phone.html'))
    // Feedback: /gop-y (send), /gop-y/cong-khai (published answers), /gop-y/<code> (tracking).
    .get('/gop-y', page('feedback.html'))
    .get('/gop-y/*', page('feedback.html'))
    .get(
      '/assets/*',
      async (c, next) => {
        await next();
        if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
      serveStatic({ root: deps.pagesDir, precompressed: true }),
    );
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app-deps';
import { HttpError } from '../http-error';

/** The built pages, each under the address people use; assets are content-hashed and cached for good. */
export function pageRoutes(deps: AppDeps) {
  const page = (file: string | ((c: Context) => string)) => async (c: Context) => {
    const name = typeof file === 'string' ? file : file(c);
    // Only a plain file name inside the folder (icons/<name>), never a way out of it.
    if (!/^(icons\/)?[a-z0-9][a-z0-9.-]*$/.test(name)) return c.notFound();
    const path = join(deps.pagesDir, name);
    if (!existsSync(path)) {
      if (existsSync(join(deps.pagesDir, 'kiosk.html'))) return c.notFound();
      throw new HttpError(503, 'pages_not_built', 'The pages are not built yet: run npm run build');
    }
    c.header('Cache-Control', 'no-cache');
    const serve = serveStatic({ path, precompressed: true });
    return (await serve(c, async () => {})) ?? c.notFound();
  };
  return new Hono()
    .get('/', (c) => c.redirect('/kiosk'))
    .get('/kiosk', page('kiosk.html'))
    .get('/kiosk-sw.js', page('kiosk-sw.js'))
    // Installing the kiosk as an app: its manifest and icons, and the icon every page shows.
    .get('/kiosk.webmanifest', page('kiosk.webmanifest'))
    .get('/favicon.ico', page('favicon.ico'))
    .get('/icons/:file', page((c) => `icons/${c.req.param('file')}`))
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

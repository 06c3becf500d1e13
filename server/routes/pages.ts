import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app-deps';
import { HttpError } from '../http-error';
import { invitationBoot, kioskBoot, openLinkBoot, type CitizenBoot } from '../pages/boot-data';
import { allowInline } from '../pages/inline-sources';
import { pageWithBootData } from '../pages/page-html';
import { listLocales } from './locales';

/** The built pages, each under the address people use; assets are content-hashed and cached for good. */
export function pageRoutes(deps: AppDeps) {
  /** The built file's path, null when there is no such file; 503 when no page is built at all. */
  const built = (name: string): string | null => {
    // Only a plain file name inside the folder (icons/<name>), never a way out of it.
    if (!/^(icons\/)?[a-z0-9][a-z0-9.-]*$/.test(name)) return null;
    const path = join(deps.pagesDir, name);
    if (existsSync(path)) return path;
    if (existsSync(join(deps.pagesDir, 'kiosk.html'))) return null;
    throw new HttpError(503, 'pages_not_built', 'The pages are not built yet: run npm run build');
  };
  const page = (file: string | ((c: Context) => string)) => async (c: Context) => {
    const path = built(typeof file === 'string' ? file : file(c));
    if (!path) return c.notFound();
    c.header('Cache-Control', 'no-cache');
    const serve = serveStatic({ path, precompressed: true });
    return (await serve(c, async () => {})) ?? c.notFound();
  };
  /**
   * A citizen page with what its first screen needs in the HTML (server/pages/boot-data.ts) and
   * its script and stylesheet inline, allowed by hash, so it shows its first question without
   * waiting for another round trip. `no-store` when it is
   * about one person's invitation; the app's compression gzips it.
   */
  const bootPage = (file: string, boot: (c: Context) => CitizenBoot | Promise<CitizenBoot>, cacheControl = 'no-cache') => async (c: Context) => {
    const path = built(file);
    if (!path) return c.notFound();
    const page = pageWithBootData(path, await boot(c));
    allowInline(c, page.inline);
    c.header('Cache-Control', cacheControl);
    return c.html(page.html);
  };
  return new Hono()
    .get('/', (c) => c.redirect('/kiosk'))
    .get('/kiosk', bootPage('kiosk.html', () => kioskBoot(deps)))
    .get('/kiosk-sw.js', page('kiosk-sw.js'))
    // Installing the kiosk as an app: its manifest and icons, and the icon every page shows.
    .get('/kiosk.webmanifest', page('kiosk.webmanifest'))
    .get('/favicon.ico', page('favicon.ico'))
    .get('/icons/:file', page((c) => `icons/${c.req.param('file')}`))
    .get('/staff', page('staff.html'))
    // The phone page of a QR invitation, and the page for typing the short code.
    .get('/s', bootPage('phone.html', () => ({ languages: listLocales(deps.localesDir) })))
    .get('/s/:token', bootPage('phone.html', (c) => invitationBoot(deps, c.req.param('token') ?? ''), 'no-store'))
    // A unit's open link (when an admin has turned it on): the same page, about the unit alone.
    .get('/danh-gia/:unit', bootPage('phone.html', (c) => openLinkBoot(deps, c.req.param('unit') ?? ''), 'no-store'))
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

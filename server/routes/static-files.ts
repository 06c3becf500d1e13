import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { HttpError } from '../http-error';
import { staticDir } from '../paths';

const TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' };

/** The CSS and JS of the server-rendered pages (slips, API docs), from server/static/, by exact name. */
export function staticFileRoutes(files: readonly string[]) {
  const contents = new Map(files.map((f) => [f, readFileSync(join(staticDir, f), 'utf8')]));
  return new Hono().get('/:file', (c) => {
    const file = c.req.param('file');
    const body = contents.get(file);
    if (body === undefined) throw new HttpError(404, 'not_found', `No file ${file}`);
    return c.body(body, 200, { 'Content-Type': TYPES[file.split('.').pop()!] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
  });
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { HttpError } from '../http-error';

const LOCALE_FILE = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\.json$/;

/** The languages a locale file exists for, read from the folder so a new file needs no code. */
export function listLocales(dir: string): { code: string; name: string }[] {
  return readdirSync(dir)
    .map((f) => LOCALE_FILE.exec(f)?.[1])
    .filter((code): code is string => !!code)
    .map((code) => {
      const json = JSON.parse(readFileSync(join(dir, `${code}.json`), 'utf8')) as { language?: { name?: string } };
      return { code, name: json.language?.name ?? code };
    })
    .sort((a, b) => (a.code === 'vi' ? -1 : b.code === 'vi' ? 1 : a.name.localeCompare(b.name)));
}

/**
 * Interface strings for the pages: /locales/index.json lists the languages, /locales/<code>.json
 * holds the citizen pages' strings and /locales/staff/<code>.json the staff pages'.
 */
export function localeRoutes(dir: string) {
  const send = (folder: string, file: string) => {
    const code = LOCALE_FILE.exec(file)?.[1];
    const path = code ? join(folder, `${code}.json`) : '';
    if (!code || !existsSync(path)) throw new HttpError(404, 'unknown_language', `No locale file for "${file}"`);
    return readFileSync(path, 'utf8');
  };
  const json = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' };
  return new Hono()
    .get('/index.json', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.json(listLocales(dir));
    })
    .get('/staff/:file', (c) => c.body(send(join(dir, 'staff'), c.req.param('file')), 200, json))
    .get('/:file', (c) => c.body(send(dir, c.req.param('file')), 200, json));
}

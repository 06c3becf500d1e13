// `npm start` on a fresh clone builds the pages once, and again whenever their sources change.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pagesDistDir, projectRoot } from './paths';

// The pages also import the questionnaire model (survey-defs/) and the boot data's types
// (server/pages/): a change there changes the bundle too.
const SOURCES = ['kiosk/src', 'kiosk/locales', 'kiosk/public', 'kiosk/build', 'kiosk', 'survey-defs', 'server/pages'];
const STAMP = join(pagesDistDir, '.built');

function newestMtime(dir: string, recurse: boolean): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recurse && entry.name !== 'dist') newest = Math.max(newest, newestMtime(path, true));
    } else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function pagesAreStale(): boolean {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  const inputs = [join(projectRoot, 'vite.config.ts'), join(projectRoot, 'package-lock.json')].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0));
  const sources = SOURCES.map((d) => newestMtime(join(projectRoot, d), d !== 'kiosk'));
  return Math.max(...inputs, ...sources) > built;
}

/** Runs the Vite build when the pages are missing or older than their sources. */
export async function ensurePagesBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (!pagesAreStale()) return;
  log('[sipas] building the pages (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}

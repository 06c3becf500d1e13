// Where the project's folders are, independent of the directory the command was started from and
// of whether this code runs from its source (tsx, tests) or from the server's build
// (server/.build/, see start.mjs): the root is the nearest folder above with package.json.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function nearestPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const projectRoot = nearestPackageRoot(dirname(fileURLToPath(import.meta.url)));
export const dataDir = join(projectRoot, 'data');
export const surveyDefsDir = join(projectRoot, 'survey-defs');
export const localesDir = join(projectRoot, 'kiosk', 'locales');
export const pagesDistDir = join(projectRoot, 'kiosk', 'dist');
export const staticDir = join(projectRoot, 'server', 'static');
export const defaultDatabaseFile = join(dataDir, 'sipas.db');
export const defaultSecretFile = join(dataDir, 'secret.key');

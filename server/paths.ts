// Where the project's folders are, independent of the directory the command was started from.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const dataDir = join(projectRoot, 'data');
export const surveyDefsDir = join(projectRoot, 'survey-defs');
export const localesDir = join(projectRoot, 'kiosk', 'locales');
export const pagesDistDir = join(projectRoot, 'kiosk', 'dist');
export const defaultDatabaseFile = join(dataDir, 'sipas.db');
export const defaultSecretFile = join(dataDir, 'secret.key');

// The lexicon shipped with the code (data/themes.vi.json), read and checked once: a broken file
// stops start-up rather than tagging nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../paths';
import { themeLexicon, type ThemeLexicon } from './lexicon-schema';

export const shippedLexiconFile = join(dataDir, 'themes.vi.json');

let cached: ThemeLexicon | undefined;

/** The shipped lexicon, validated; throws naming the file and the first problem. */
export function shippedLexicon(): ThemeLexicon {
  if (cached) return cached;
  const parsed = themeLexicon.safeParse(JSON.parse(readFileSync(shippedLexiconFile, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${shippedLexiconFile}: ${issue.path.join('.')}: ${issue.message}`);
  }
  cached = parsed.data;
  return cached;
}

// Tags a text with the lexicon's themes: a theme is found when one of its phrases appears as whole
// words, tone marks ignored unless the phrase asks for them, one typo allowed where it says so.
// Pure and fast: the lexicon is compiled once, then each text costs one pass over its words.
import type { ThemeLexicon } from './lexicon-schema';
import { normaliseText, wordsOf } from './normalise-text';
import { letterCount, withinOneEdit } from './one-edit';

/** Typos are allowed only in words this long: shorter words are one letter away from too many others. */
export const TYPO_MIN_LETTERS = 5;

interface Phrase {
  theme: number;
  words: string[];
  folded: boolean;
  typos: boolean;
}

export interface CompiledLexicon {
  themeIds: string[];
  /** Phrases by their first word, under "f:" (tones folded) or "e:" (exact). */
  byFirstWord: Map<string, Phrase[]>;
  /** Phrases whose first word may itself carry the typo. */
  fuzzyFirst: Phrase[];
}

/** Strips the marks of an already normalised text, keeping its spaces, so its words stay aligned. */
function stripMarks(normalised: string): string {
  return normalised.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').normalize('NFC');
}

export function compileLexicon(lexicon: ThemeLexicon): CompiledLexicon {
  const compiled: CompiledLexicon = { themeIds: lexicon.themes.map((t) => t.id), byFirstWord: new Map(), fuzzyFirst: [] };
  lexicon.themes.forEach((theme, index) => {
    for (const entry of theme.phrases) {
      const { text, typos = false, tones = 'any' } = typeof entry === 'string' ? { text: entry } : entry;
      const normalised = normaliseText(text);
      const folded = tones === 'any';
      const phrase: Phrase = { theme: index, words: wordsOf(folded ? stripMarks(normalised) : normalised), folded, typos };
      const key = `${folded ? 'f' : 'e'}:${phrase.words[0]}`;
      compiled.byFirstWord.set(key, [...(compiled.byFirstWord.get(key) ?? []), phrase]);
      if (typos && letterCount(phrase.words[0]!) >= TYPO_MIN_LETTERS) compiled.fuzzyFirst.push(phrase);
    }
  });
  return compiled;
}

function matchesAt(phrase: Phrase, words: readonly string[], at: number): boolean {
  if (at + phrase.words.length > words.length) return false;
  let typoUsed = false;
  for (let k = 0; k < phrase.words.length; k++) {
    const want = phrase.words[k]!;
    const got = words[at + k]!;
    if (got === want) continue;
    if (!phrase.typos || typoUsed || letterCount(want) < TYPO_MIN_LETTERS || !withinOneEdit(got, want)) return false;
    typoUsed = true;
  }
  return true;
}

/** The ids of the themes found in `text`, in lexicon order. */
export function tagText(lexicon: CompiledLexicon, text: string): string[] {
  const normalised = normaliseText(text);
  if (!normalised) return [];
  const exact = normalised.split(' ');
  const folded = stripMarks(normalised).split(' ');
  const found = new Set<number>();
  const tryPhrase = (phrase: Phrase, at: number) => {
    if (!found.has(phrase.theme) && matchesAt(phrase, phrase.folded ? folded : exact, at)) found.add(phrase.theme);
  };
  for (let at = 0; at < exact.length; at++) {
    for (const phrase of lexicon.byFirstWord.get(`e:${exact[at]}`) ?? []) tryPhrase(phrase, at);
    for (const phrase of lexicon.byFirstWord.get(`f:${folded[at]}`) ?? []) tryPhrase(phrase, at);
    for (const phrase of lexicon.fuzzyFirst) tryPhrase(phrase, at);
  }
  return [...found].sort((a, b) => a - b).map((i) => lexicon.themeIds[i]!);
}

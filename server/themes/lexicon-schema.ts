// The theme lexicon's shape: themes with Vietnamese and English labels and the Vietnamese phrases
// that signal them. Shipped as data (data/themes.vi.json), edited by admins, checked here.
import { z } from 'zod';
import { normaliseText } from './normalise-text';

const phraseText = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .refine((t) => normaliseText(t) !== '', { message: 'must hold a letter or digit' });

/** A phrase: plain text, or text with how loosely it may match. */
export const lexiconPhrase = z.union([
  phraseText,
  z
    .object({
      text: phraseText,
      /** Allow one wrong, missing, extra or swapped letter in one word of five letters or more. */
      typos: z.boolean().optional(),
      /** "exact": the tone marks must match too, for words whose unmarked form means something else. */
      tones: z.enum(['any', 'exact']).optional(),
    })
    .strict(),
]);
export type LexiconPhrase = z.infer<typeof lexiconPhrase>;

export const lexiconTheme = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _'),
    label: z.object({ vi: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) }).strict(),
    phrases: z.array(lexiconPhrase).max(300),
  })
  .strict();
export type LexiconTheme = z.infer<typeof lexiconTheme>;

export const themeLexicon = z
  .object({
    version: z.literal(1),
    themes: z.array(lexiconTheme).min(1).max(50),
  })
  .strict()
  .superRefine((lex, ctx) => {
    const seen = new Set<string>();
    lex.themes.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['themes', i, 'id'], message: `theme "${t.id}" appears twice` });
      seen.add(t.id);
    });
  });
export type ThemeLexicon = z.infer<typeof themeLexicon>;

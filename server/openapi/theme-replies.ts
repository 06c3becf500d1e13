// The shapes of the themes answers, for the OpenAPI document (server/scoring/theme-figures.ts holds the types).
import { z } from 'zod';
import { themeLexicon } from '../themes/lexicon-schema';

const dissatisfied = z.object({
  rated: z.number().int().describe('Texts whose response rated at least one criterion'),
  dissatisfied: z.number().int(),
  percent: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).nullable().describe('Wilson 95% interval'),
});

export const themeReportReply = z.object({
  surveyId: z.string(),
  filter: z.record(z.string(), z.unknown()),
  revision: z.number().int().describe('The lexicon revision the tags come from'),
  withheld: z.boolean().describe('true: one official asked about, whose figures are withheld; nothing is shown'),
  withheldReason: z.string().optional(),
  texts: z.number().int().describe('Suggestion and feedback texts in the filter'),
  previous: z.object({ from: z.string(), to: z.string(), texts: z.number().int() }).nullable(),
  themes: z.array(
    z.object({
      id: z.string(),
      label: z.object({ vi: z.string(), en: z.string() }),
      texts: z.number().int(),
      share: z.number().nullable().describe('Percent of the texts'),
      previous: z.object({ texts: z.number().int(), share: z.number().nullable() }).nullable(),
      change: z.number().nullable().describe('Change of the share in percentage points'),
      withTheme: dissatisfied,
      withoutTheme: dissatisfied,
      examples: z
        .array(z.object({ id: z.string(), date: z.string(), source: z.enum(['response', 'feedback']), text: z.string() }))
        .describe('Up to 3, newest first, phone numbers and e-mails masked; never of an official with fewer than 5 responses'),
    }),
  ),
});

export const lexiconReply = z.object({
  lexicon: themeLexicon,
  revision: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string(),
  retagged: z.number().int().optional().describe('Texts re-tagged by this edit'),
});

export const textThemesReply = z.object({ id: z.string(), themes: z.array(z.object({ theme: z.string(), origin: z.enum(['automatic', 'manual']) })) });

// The shapes of the scores answers, for the OpenAPI document (server/scoring/ holds the types).
import { z } from 'zod';

const figure = z.object({
  index: z.number().nullable().describe('Percent, two decimals; null without a valid answer'),
  n: z.number().int().describe('Valid answers behind the figure'),
  mean: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).nullable().describe('Wilson 95% interval'),
  smallSample: z.boolean().describe('Fewer than 30 valid answers somewhere below'),
});
const criterion = figure.extend({ id: z.string(), element: z.string(), levels: z.record(z.string(), z.number().int()), noOpinion: z.number().int() });
const card = {
  responses: z.number().int(),
  withheld: z.boolean().describe('true: one official\'s figures from fewer than 5 responses, hidden'),
  overall: figure,
  elements: z.array(figure.extend({ id: z.string() })),
  criteria: z.array(criterion),
  groups: z.array(figure.extend({ id: z.string() })).optional().describe('Contents above the elements (Decision 1001: policy; services), when the questionnaire has them'),
  assessments: z.array(z.object({
    id: z.string(), n: z.number().int(),
    options: z.array(z.object({ id: z.string(), count: z.number().int(), share: z.number().nullable(), ci95: z.tuple([z.number(), z.number()]).nullable() })),
  })).optional().describe('Assessment questions: the share of each answer among those who answered'),
  expectations: z.array(z.object({
    id: z.string(), n: z.number().int(), priority: z.number().int(), share: z.number().nullable(), ci95: z.tuple([z.number(), z.number()]).nullable(), rank: z.number().int().nullable(),
  })).optional().describe('Needs and expectations ranked by the share wanting each improved much or very much'),
};
const localized = z.record(z.string(), z.string());
const row = z.object({
  ...card,
  key: z.string(),
  label: localized.optional(),
  parent: z.string().nullable().optional(),
  depth: z.number().int().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

export const scoreReport = z.object({
  ...card,
  surveyId: z.string(),
  surveyVersion: z.number().int(),
  filter: z.object({
    surveyId: z.string(), from: z.string().optional(), to: z.string().optional(), unit: z.string().optional(), procedure: z.string().optional(),
    official: z.string().optional(), channel: z.string().optional(), includeFlagged: z.boolean(),
  }),
  flaggedResponses: z.number().int().describe('Responses flagged as repeated kiosk taps (left out unless includeFlagged)'),
  targets: z.record(z.string(), z.number()).describe('Target percent by element'),
  breakdowns: z.array(z.object({ by: z.string(), kind: z.enum(['dimension', 'period', 'question']), rows: z.array(row) })),
  extras: z.object({ service: z.looseObject({ dossiers: z.looseObject({}), feedback: z.looseObject({}) }).optional() })
    .describe('Blocks beside the indices: service = Decision 766 dossier and feedback figures'),
  structureChanges: z.array(z.object({
    unit: z.string(), kind: z.enum(['move', 'merge']), from: z.string().nullable(), to: z.string().nullable(), effectiveFrom: z.string(), withinRange: z.boolean(),
  })).describe('Moves and merges of these units after the range\'s first day: each date rolled up through the structure in force on it'),
});

const named = z.object({ code: z.string(), name: z.object({ vi: z.string(), en: z.string() }) });
export const scoreOptions = z.object({
  root: z.string().nullable().describe('The caller\'s own unit (null: every unit)'),
  units: z.array(named.extend({ parent: z.string().nullable() })),
  procedures: z.array(named),
  officials: z.array(z.object({ code: z.string(), unit: z.string(), name: z.string() })),
  channels: z.array(z.string()),
  surveys: z.array(z.object({ id: z.string(), breakdowns: z.array(z.object({ by: z.string(), kind: z.enum(['dimension', 'period', 'question']) })) })),
});

export const suggestionList = z.object({
  withheld: z.boolean(),
  suggestions: z.array(z.object({ date: z.iso.date(), unit: z.string(), question: z.string(), text: z.string() })),
});

export const targetsReply = z.object({ survey: z.string(), targets: z.record(z.string(), z.number()) });

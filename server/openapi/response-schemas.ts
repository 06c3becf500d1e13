// Shapes of responses that have no request schema of their own, for the OpenAPI document only.
import { z } from 'zod';
import { PERIODS } from '../scoring/dossier-figures';

export const errorResponse = z.object({
  error: z.object({
    code: z.string().describe('Stable, machine-readable: invalid_request, unknown_invitation, invitation_used …'),
    message: z.string().describe('For people; may change'),
    issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional().describe('With 400: every bad field'),
    refusals: z
      .array(z.object({
        list: z.enum(['units', 'procedures', 'officials']).nullable(), sheet: z.string().nullable(), line: z.number().int().describe('0: the whole file (or a change of one entry)'),
        reason: z.string(), message: z.string().describe('Vietnamese'), params: z.record(z.string(), z.union([z.string(), z.number()])).describe('The codes and values the reason names'),
      }))
      .optional()
      .describe('With organisation_refused: every reason, with its sheet and line'),
  }),
});

export const storedResponse = z.object({
  id: z.uuid(),
  surveyId: z.string(),
  surveyVersion: z.number().int(),
  status: z.enum(['created', 'replayed']).describe('created (201), or replayed (200): the same response was stored before'),
});

export const invitationListItem = z.object({
  id: z.uuid(),
  unit: z.string(),
  procedure: z.string(),
  official: z.string().nullable(),
  survey: z.string(),
  returnDate: z.iso.date(),
  timing: z.enum(['on_time', 'late', 'unknown']),
  createdDate: z.iso.date(),
  expiresAt: z.string(),
});

export const apiKeyView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the key, to tell keys apart'),
  units: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
});
export const newApiKey = apiKeyView.extend({ key: z.string().describe('Shown only in this response; send it as Authorization: Bearer <key>') });

const share = z.object({
  percent: z.number().nullable().describe('null when there is nothing to divide by'),
  low: z.number().nullable().describe('Wilson 95% interval'),
  high: z.number().nullable(),
  n: z.number().int(),
});
const figures = z.object({
  dossiers: z.number().int(),
  withDue: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  rated: z.number().int(),
  dissatisfied: z.number().int(),
  dissatisfiedNotLate: z.number().int(),
  onTimeShare: share.describe('onTime / withDue'),
  handlingSatisfaction: share.describe('Decision 766: (dossiers − late − dissatisfiedNotLate) / dossiers'),
});
export const dossierFiguresResponse = z.object({
  unit: z.string().nullable(),
  procedure: z.string().nullable(),
  from: z.iso.date(),
  to: z.iso.date(),
  period: z.enum(PERIODS),
  total: figures,
  periods: z.array(figures.extend({ period: z.string(), from: z.iso.date(), to: z.iso.date() })),
});

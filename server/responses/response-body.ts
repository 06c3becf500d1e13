import { z } from 'zod';
import { boundedInstant } from '../dates/calendar-date';

export const CHANNELS = ['kiosk', 'qr', 'web', 'paper'] as const;
export type Channel = (typeof CHANNELS)[number];

const code = z.string().min(1).max(64);

/** The body of POST /api/responses. Answers are checked against the definition afterwards. */
export const responseBody = z
  .object({
    /** Made by the client (crypto.randomUUID()), so that a resend is recognised. */
    id: z.uuid(),
    surveyId: z.string().min(1).max(64),
    surveyVersion: z.number().int().min(1).optional(),
    answers: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'not a question id'), z.unknown()),
    unit: code.optional(),
    procedure: code.optional(),
    official: code.optional(),
    channel: z.enum(CHANNELS),
    /** When the person answered; defaults to the time the server received it. */
    submittedAt: boundedInstant.optional(),
    /** Open link only: an anonymous random id the page keeps, for its limits; never stored. */
    browser: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8–64 letters, digits, _ or -').optional(),
  })
  .strict();

export type ResponseBody = z.infer<typeof responseBody>;

import { z } from 'zod';
import { boundedInstant } from '../dates/calendar-date';

export const CHANNELS = ['kiosk', 'qr', 'web', 'paper'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Codes and the questionnaire's id: 1 to this many characters (UTF-16 code units, as zod counts). */
export const CODE_MAX = 64;
/** A question id as the answers name it. */
export const QUESTION_ID = /^[a-z][a-z0-9_]{0,47}$/;
/** The open link's anonymous browser id. */
export const BROWSER_ID = /^[A-Za-z0-9_-]{8,64}$/;

const code = z.string().min(1).max(CODE_MAX);

/** The body of POST /api/responses. Answers are checked against the definition afterwards. */
export const responseBody = z
  .object({
    /** Made by the client (crypto.randomUUID()), so that a resend is recognised. */
    id: z.uuid(),
    surveyId: z.string().min(1).max(CODE_MAX),
    surveyVersion: z.number().int().min(1).optional(),
    answers: z.record(z.string().regex(QUESTION_ID, 'not a question id'), z.unknown()),
    unit: code.optional(),
    procedure: code.optional(),
    official: code.optional(),
    channel: z.enum(CHANNELS),
    /** When the person answered; defaults to the time the server received it. */
    submittedAt: boundedInstant.optional(),
    /** Open link only: an anonymous random id the page keeps, for its limits; never stored. */
    browser: z.string().regex(BROWSER_ID, '8–64 letters, digits, _ or -').optional(),
  })
  .strict();

export type ResponseBody = z.infer<typeof responseBody>;

// What a caller sends to POST /api/invitations and what it gets back. The same schemas validate
// the requests and generate the OpenAPI document.
import { z } from 'zod';
import { boundedInstant, calendarDate } from '../dates/calendar-date';

const code = z.string().min(1).max(64);
const dateOrInstant = z
  .union([calendarDate, boundedInstant])
  .describe('A Vietnam calendar date (YYYY-MM-DD) or an ISO-8601 instant with its offset');

export const invitationBody = z
  .object({
    dossierCode: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[^\p{Cc}]*$/u, 'no control characters')
      .describe('The dossier number (mã hồ sơ) in the one-stop system. Stored only as a keyed hash; the same number again returns the same invitation'),
    procedure: code.describe('Procedure code (thủ tục hành chính)'),
    unit: code.describe('Code of the unit that returned the result; must be within the caller\'s units'),
    official: code.optional().describe('Code of the official who handled the dossier'),
    receivedAt: dateOrInstant.optional().describe('When the dossier was received'),
    dueAt: dateOrInstant.optional().describe('When the result was due (ngày hẹn trả); with returnedAt gives the on-time figures'),
    returnedAt: dateOrInstant.optional().describe('When the result was returned; default: now'),
    survey: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('The full questionnaire offered after the quick rating (counter-quick: the quick rating alone); default: the unit\'s setting, else sipas-2017'),
    surveyParts: z
      .array(z.string().min(1).max(48))
      .max(20)
      .nullable()
      .optional()
      .describe('Group ids (parts) of that questionnaire asked; empty or null: every part; absent: the unit\'s parts when the questionnaire is the unit\'s, else every part'),
  })
  .strict();
export type InvitationBody = z.infer<typeof invitationBody>;

const name = z.object({ vi: z.string(), en: z.string() });
const named = z.object({ code: z.string(), name });

export const invitationView = z.object({
  id: z.uuid(),
  status: z.enum(['created', 'existing']).describe('created (201), or existing (200) when the dossier already had an invitation'),
  token: z.string().describe('128-bit URL-safe token, the key of the phone page'),
  url: z.url().describe('The address in the QR code: <public URL>/s/<token>'),
  shortUrl: z.url().describe('The page where the short code can be typed instead'),
  shortCode: z.string().describe('Twelve digits in groups of four, for typing by hand'),
  qrSvg: z.string().describe('The QR code of url as SVG (error correction Q)'),
  unit: named,
  procedure: named,
  official: z.object({ code: z.string(), name: z.string() }).nullable(),
  survey: z.string(),
  surveyParts: z.array(z.string()).nullable().describe('The parts of the full questionnaire asked; null: every part'),
  receivedDate: z.iso.date().nullable().describe('Vietnam dates only: exact times are not kept'),
  dueDate: z.iso.date().nullable(),
  returnDate: z.iso.date(),
  timing: z.enum(['on_time', 'late', 'unknown']).describe('From the exact due and return times sent'),
  createdDate: z.iso.date(),
  expiresAt: z.string().describe('Midnight (Vietnam) after the last valid day'),
});
export type InvitationView = z.infer<typeof invitationView>;

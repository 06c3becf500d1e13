// The shapes of feedback requests, checked at the edge.
import { z } from 'zod';
import { calendarDate as isoDate } from '../dates/calendar-date';
import { PERIOD_KINDS } from '../scoring/period-buckets';
import { parseContact } from './contact-format';
import { FEEDBACK_CHANNELS, FEEDBACK_KINDS, FEEDBACK_LIMITS, FEEDBACK_STATUSES } from './feedback-rules';

const code = z.string().min(1).max(64);

/** Free text as people type it: NFC, Windows line ends made plain, control characters dropped, trimmed. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
}
const text = (min: number, max: number) => z.string().max(max * 2).transform(cleanText).pipe(z.string().min(min).max(max));

export const feedbackBody = z
  .object({
    /** Made by the client (crypto.randomUUID()), so that a resend is recognised. */
    id: z.uuid(),
    kind: z.enum(FEEDBACK_KINDS),
    unit: code,
    procedure: code.optional(),
    text: text(FEEDBACK_LIMITS.text.min, FEEDBACK_LIMITS.text.max),
    /** A phone number or e-mail for a private reply; '' or absent for none. */
    contact: z.string().max(FEEDBACK_LIMITS.contact).optional(),
    /** The sender agrees that staff use the contact to reply; required with a contact. */
    consent: z.boolean().optional(),
    channel: z.enum(FEEDBACK_CHANNELS),
    /** An anonymous random id the page keeps (localStorage), only for rate limits; never stored. */
    device: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8–64 letters, digits, _ or -'),
  })
  .strict()
  .superRefine((body, ctx) => {
    const contact = body.contact?.trim();
    if (!contact) return;
    if (!parseContact(contact)) ctx.addIssue({ code: 'custom', path: ['contact'], message: 'not a phone number or an e-mail address', params: { code: 'not_contact' } });
    if (body.consent !== true) ctx.addIssue({ code: 'custom', path: ['consent'], message: 'a contact is kept only with consent: set consent to true', params: { code: 'consent_required' } });
  });
export type FeedbackBody = z.infer<typeof feedbackBody>;

export const assignBody = z.object({ unit: code.nullable().optional(), official: code.nullable().optional() }).strict();
export const statusBody = z.object({ to: z.enum(FEEDBACK_STATUSES) }).strict();
export const noteBody = z.object({ note: text(0, FEEDBACK_LIMITS.note) }).strict();
export const replyBody = z.object({ reply: text(0, FEEDBACK_LIMITS.reply) }).strict();
export const publicationBody = z
  .object({
    publishable: z.boolean(),
    redactions: z.array(z.string().max(FEEDBACK_LIMITS.redactions.length).transform(cleanText)).max(FEEDBACK_LIMITS.redactions.count).default([]),
  })
  .strict();
export const settingsBody = z
  .object({
    handlingDays: z.number().int().min(1).max(90),
    holidays: z.array(isoDate).max(100).default([]),
  })
  .strict();

export const inboxQuery = z
  .object({
    status: z.enum([...FEEDBACK_STATUSES, 'open', 'all']).default('open'),
    kind: z.enum(FEEDBACK_KINDS).optional(),
    unit: code.optional(),
    overdue: z.enum(['0', '1']).optional(),
    code: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const figuresQuery = z
  .object({
    unit: code.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    period: z.enum(PERIOD_KINDS).default('all'),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });

export const exportQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), unit: code.optional(), includeContact: z.enum(['0', '1']).default('0') })
  .strict();

/** A tracking code in an address, as typed (any case, with or without hyphens). */
export const trackingCodeParam = z.object({ code: z.string().min(1).max(64) }).strict();

export const publicListQuery = z
  .object({
    unit: code.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

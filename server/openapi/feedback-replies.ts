// The shapes of the feedback answers, for the OpenAPI document (views in server/feedback/).
import { z } from 'zod';
import { FEEDBACK_CHANNELS, FEEDBACK_KINDS, FEEDBACK_STATUSES } from '../feedback/feedback-rules';

const localized = z.object({ vi: z.string(), en: z.string() });
const kind = z.enum(FEEDBACK_KINDS);
const status = z.enum(FEEDBACK_STATUSES);

export const feedbackForm = z.object({
  kinds: z.array(kind),
  limits: z.object({ text: z.object({ min: z.number(), max: z.number() }), contact: z.number(), reply: z.number(), note: z.number(), redactions: z.object({ count: z.number(), length: z.number() }) }),
  handlingDays: z.number().int().describe('Working days within which an answer is promised'),
  units: z.array(z.object({ code: z.string(), parent: z.string().nullable(), name: localized })),
  procedures: z.array(z.object({ code: z.string(), unit: z.string(), name: localized, field: localized })),
});

export const feedbackSent = z.object({
  status: z.enum(['created', 'replayed']),
  id: z.uuid(),
  code: z.string().describe('The tracking code, XXXX-XXXX-XXXX-XXXX'),
  dueDate: z.iso.date(),
  trackUrl: z.url(),
});

export const feedbackTracked = z.object({
  code: z.string(), kind, unit: z.string(), procedure: z.string().nullable(), text: z.string(), status,
  receivedAt: z.string(), dueDate: z.iso.date(), answeredAt: z.string().nullable(), reply: z.string().nullable(),
  privateReply: z.boolean().describe('The sender left a contact, so staff may also answer privately'),
});

export const feedbackPublished = z.object({
  items: z.array(z.object({ key: z.string(), kind, unit: z.string(), procedure: z.string().nullable(), receivedDate: z.iso.date(), answeredAt: z.string().nullable(), text: z.string(), reply: z.string() })),
  more: z.boolean(),
});

const inboxItem = z.object({
  id: z.uuid(), ref: z.string(), kind, channel: z.enum(FEEDBACK_CHANNELS), unit: z.string(), procedure: z.string().nullable(), text: z.string(), status,
  receivedAt: z.string(), dueDate: z.iso.date(), overdue: z.boolean(), assignedUnit: z.string().nullable(), assignedOfficial: z.string().nullable(),
  answeredAt: z.string().nullable(), publishable: z.boolean(), hasContact: z.boolean(),
});
export const feedbackInbox = z.object({ items: z.array(inboxItem), total: z.number().int(), today: z.iso.date() });

export const feedbackDetail = inboxItem.extend({
  contactKind: z.string().nullable(),
  canReadContact: z.boolean(),
  internalNote: z.string(),
  reply: z.string(),
  closedAt: z.string().nullable(),
  redactions: z.array(z.string()),
  publishedAt: z.string().nullable(),
  preview: z.object({ text: z.string(), reply: z.string() }).describe('What the public page shows once published'),
  events: z.array(z.object({ seq: z.number().int(), at: z.string(), actor: z.string(), action: z.string(), from: z.string().nullable(), to: z.string().nullable(), details: z.unknown() })),
});

export const feedbackContact = z.object({ kind: z.string(), value: z.string() });
export const officialList = z.array(z.object({ code: z.string(), name: z.string(), unit: z.string() }));

const figures = z.object({
  received: z.number().int(), answered: z.number().int(), answeredOnTime: z.number().int(), answeredLate: z.number().int(),
  open: z.number().int(), overdue: z.number().int(), medianDaysToAnswer: z.number().nullable(),
  complaintsOnTime: z.object({ complaints: z.number().int(), decided: z.number().int(), onTime: z.number().int(), pending: z.number().int(), percent: z.number().nullable() })
    .describe('Decision 766: complaints answered by their deadline / complaints whose outcome is known'),
});
export const feedbackFigures = z.object({
  from: z.iso.date(), to: z.iso.date(), period: z.string(), asOf: z.string(), total: figures,
  periods: z.array(z.object({ key: z.string(), from: z.iso.date(), to: z.iso.date(), figures })),
  units: z.array(z.object({ unit: z.string(), figures })),
});
export const feedbackSettings = z.object({ handlingDays: z.number().int(), holidays: z.array(z.iso.date()) });

// What each audience sees of an item. The sender (tracking page) sees their own text and the
// reply; the public sees redacted text and reply; staff see the handling. No view carries the
// contact itself, only whether there is one.
import { createHmac } from 'node:crypto';
import type { FeedbackEventRow } from '../db/tables/feedback-events';
import type { FeedbackItemRow } from '../db/tables/feedback-items';
import type { InboxRow } from '../repos/feedback-lists';
import { isAnswered, type FeedbackStatus } from './feedback-rules';
import { redactText } from './redact-text';

/**
 * The sender's view, on /gop-y/:code: status and reply, never the contact, not even a phone
 * number or e-mail address typed into the text or the reply (whoever holds the code reads this).
 */
export function trackingView(item: FeedbackItemRow, code: string) {
  const answered = isAnswered(item.status as FeedbackStatus);
  return {
    code,
    kind: item.kind,
    unit: item.unit_code,
    procedure: item.procedure_code || null,
    text: redactText(item.text, []),
    status: item.status,
    receivedAt: item.received_at,
    dueDate: item.due_date,
    answeredAt: answered ? item.answered_at : null,
    reply: answered ? redactText(item.reply, []) : null,
    /** The sender left a contact: staff may also reply privately. */
    privateReply: item.contact_sealed !== null,
    /** The sender's rating of the handling (satisfied | dissatisfied), asked once answered. */
    rating: item.sender_rating,
  };
}

/** The public page's view: redacted, with an opaque key instead of the id. */
export function publicView(item: FeedbackItemRow, secret: Buffer) {
  const redactions = JSON.parse(item.redactions) as string[];
  return {
    key: createHmac('sha256', secret).update(`feedback-public:${item.id}`).digest('base64url').slice(0, 16),
    kind: item.kind,
    unit: item.unit_code,
    procedure: item.procedure_code || null,
    receivedDate: item.local_date,
    answeredAt: item.answered_at,
    text: redactText(item.text, redactions),
    reply: redactText(item.reply, redactions),
  };
}

/** One row of the staff inbox. */
export function inboxView(row: InboxRow, today: string) {
  return {
    id: row.id,
    ref: row.id.slice(0, 8).toUpperCase(),
    kind: row.kind,
    channel: row.channel,
    unit: row.unit_code,
    procedure: row.procedure_code || null,
    text: row.text,
    status: row.status,
    receivedAt: row.received_at,
    dueDate: row.due_date,
    overdue: (row.status === 'received' || row.status === 'in_progress') && today > row.due_date,
    assignedUnit: row.assigned_unit,
    assignedOfficial: row.assigned_official,
    answeredAt: row.answered_at,
    publishable: row.publishable === 1,
    hasContact: row.has_contact === 1,
    senderRating: row.sender_rating,
  };
}

/** The full item for staff, with its history and the published preview. */
export function detailView(item: FeedbackItemRow, events: FeedbackEventRow[], today: string, canReadContact: boolean) {
  const redactions = JSON.parse(item.redactions) as string[];
  const { contact_sealed, code_hash: _c, content_hash: _h, ...rest } = item;
  return {
    ...inboxView({ ...rest, has_contact: contact_sealed === null ? 0 : 1 }, today),
    contactKind: item.contact_kind,
    canReadContact: canReadContact && contact_sealed !== null,
    internalNote: item.internal_note,
    reply: item.reply,
    closedAt: item.closed_at,
    redactions,
    publishedAt: item.published_at,
    preview: { text: redactText(item.text, redactions), reply: redactText(item.reply, redactions) },
    events: events.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, from: e.from_status, to: e.to_status, details: JSON.parse(e.details) as unknown })),
  };
}

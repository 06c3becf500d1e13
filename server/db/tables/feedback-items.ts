import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * A suggestion, report or complaint sent by a citizen, and its handling. Nothing here names the
 * sender: the optional contact for a private reply is encrypted (contact_sealed), the tracking code
 * is kept only as a keyed hash, and no address, cookie or device id is stored.
 */
export interface FeedbackItemsTable {
  /** UUID made by the client, so a resend is recognised. */
  id: string;
  /** HMAC of the tracking code (server/feedback/tracking-code.ts). */
  code_hash: string;
  /** HMAC of what the client sent, to tell a resend (200) from a conflicting reuse of the id (409). */
  content_hash: string;
  /** suggestion | report | complaint */
  kind: string;
  /** web | kiosk | qr */
  channel: string;
  /** The unit the item concerns; figures are filed under it. */
  unit_code: string;
  /** '' when none was chosen. */
  procedure_code: string;
  text: string;
  /** AES-GCM sealed phone number or e-mail (server/feedback/contact-cipher.ts); null without consent. */
  contact_sealed: string | null;
  /** phone | email, or null. */
  contact_kind: string | null;
  /** received | in_progress | answered | closed */
  status: string;
  received_at: string;
  /** Vietnam date of received_at, the key of period filters. */
  local_date: string;
  /** Vietnam date by which the answer is due, fixed at receipt from the handling period. */
  due_date: string;
  /** The department handling it, when assigned. */
  assigned_unit: string | null;
  assigned_official: string | null;
  /** For staff only; never shown to the sender or the public. */
  internal_note: Generated<string>;
  /** The answer to the sender, shown on the tracking page once answered. */
  reply: Generated<string>;
  /** The latest move to answered; null while unanswered (or reopened). */
  answered_at: string | null;
  closed_at: string | null;
  /** 1 when staff allowed the public page to show it (with redactions). */
  publishable: Generated<number>;
  /** JSON list of phrases removed from the published text and reply. */
  redactions: Generated<string>;
  published_at: string | null;
  updated_at: string;
  /** How many events the item has; bumped by every change, which numbers its events in order. */
  event_count: Generated<number>;
  /** The sender's rating of the handling, from the tracking page: satisfied | dissatisfied | null. */
  sender_rating: string | null;
  sender_rated_at: string | null;
}
export type FeedbackItemRow = Selectable<FeedbackItemsTable>;
export type NewFeedbackItemRow = Insertable<FeedbackItemsTable>;
export type FeedbackItemUpdate = Updateable<FeedbackItemsTable>;

import type { Insertable, Selectable } from 'kysely';

/** Every change to a feedback item, with who made it and when; never contact data. */
export interface FeedbackEventsTable {
  id: string;
  item_id: string;
  /** 1, 2, 3… per item, in the order the changes were made. */
  seq: number;
  at: string;
  /** A staff username, or "citizen" for the sender. */
  actor: string;
  /** received | assigned | status | note | reply | published | unpublished */
  action: string;
  from_status: string | null;
  to_status: string | null;
  /** JSON with what changed. */
  details: string;
}
export type FeedbackEventRow = Selectable<FeedbackEventsTable>;
export type NewFeedbackEventRow = Insertable<FeedbackEventsTable>;

// The sender says whether they are satisfied with how their item was handled, from the tracking
// page (whoever holds the code is the sender, as for reading the reply). Decision 766 counts an
// item rated dissatisfied against the agency.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { FeedbackItemRow } from '../db/tables/feedback-items';
import { HttpError } from '../http-error';
import { changeFeedbackItem } from '../repos/feedback-items';
import { isAnswered, type FeedbackStatus } from './feedback-rules';

export const HANDLING_RATINGS = ['satisfied', 'dissatisfied'] as const;
export type HandlingRating = (typeof HANDLING_RATINGS)[number];

/**
 * Records the rating once the item is answered; the sender may change their mind later (the
 * latest counts, every rating is an event). The same rating again changes nothing.
 */
export async function rateHandling(db: Kysely<Database>, item: FeedbackItemRow, rating: HandlingRating, now: Date): Promise<void> {
  if (!isAnswered(item.status as FeedbackStatus)) throw new HttpError(409, 'not_answered', 'The item can be rated once it has been answered');
  if (item.sender_rating === rating) return;
  const applied = await db.transaction().execute((trx) =>
    changeFeedbackItem(
      trx,
      item.id,
      { sender_rating: rating, sender_rated_at: now.toISOString() },
      { status: item.status },
      { actor: 'sender', action: 'rated', fromStatus: item.status, toStatus: item.status, details: { rating } },
      now,
    ),
  );
  if (!applied) throw new HttpError(409, 'changed', 'The item was changed meanwhile; reload the page and try again');
}

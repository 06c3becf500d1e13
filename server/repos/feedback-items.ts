import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { FeedbackEventRow } from '../db/tables/feedback-events';
import type { FeedbackItemRow, FeedbackItemUpdate, NewFeedbackItemRow } from '../db/tables/feedback-items';

export interface FeedbackEvent {
  actor: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  details?: Record<string, unknown>;
}

/** Inserts a new item with its first event unless one with its id (or code) exists; returns whether it did. */
export async function insertFeedbackItem(db: Kysely<Database>, row: NewFeedbackItemRow, first: FeedbackEvent, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('feedback_items')
    .values({ ...row, event_count: 1 })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  if (inserted.length !== 1) return false;
  await insertEvent(db, row.id, 1, first, now);
  return true;
}

/**
 * Applies a change and records its event, only while the item is as the caller saw it (same
 * status when given, and a reply when `needsReply`); returns false when it had moved meanwhile.
 * The item's row is updated first, so concurrent changes to one item queue on its row lock.
 */
export async function changeFeedbackItem(
  db: Kysely<Database>,
  id: string,
  changes: FeedbackItemUpdate,
  expect: { status?: string; needsReply?: boolean },
  event: FeedbackEvent,
  now: Date,
): Promise<boolean> {
  let q = db
    .updateTable('feedback_items')
    .set((eb) => ({ ...changes, updated_at: now.toISOString(), event_count: eb('event_count', '+', 1) }))
    .where('id', '=', id);
  if (expect.status) q = q.where('status', '=', expect.status);
  if (expect.needsReply) q = q.where('reply', '<>', '');
  const row = await q.returning('event_count').executeTakeFirst();
  if (!row) return false;
  await insertEvent(db, id, row.event_count, event, now);
  return true;
}

async function insertEvent(db: Kysely<Database>, itemId: string, seq: number, event: FeedbackEvent, now: Date): Promise<void> {
  await db
    .insertInto('feedback_events')
    .values({
      id: randomUUID(),
      item_id: itemId,
      seq,
      at: now.toISOString(),
      actor: event.actor,
      action: event.action,
      from_status: event.fromStatus ?? null,
      to_status: event.toStatus ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

export async function findFeedbackItem(db: Kysely<Database>, id: string): Promise<FeedbackItemRow | undefined> {
  return db.selectFrom('feedback_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFeedbackItemByCode(db: Kysely<Database>, codeHash: string): Promise<FeedbackItemRow | undefined> {
  return db.selectFrom('feedback_items').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
}

export async function listFeedbackEvents(db: Kysely<Database>, itemId: string): Promise<FeedbackEventRow[]> {
  return db.selectFrom('feedback_events').selectAll().where('item_id', '=', itemId).orderBy('seq').execute();
}

// What staff do with an item: assign it, move it along, note, reply, publish. Each change is
// one transaction that checks the item is still as the person saw it and records an event.
import type { Kysely } from 'kysely';
import { canSeeUnit, type StaffScope } from '../auth/staff-scope';
import type { Database } from '../db/database';
import type { FeedbackItemRow, FeedbackItemUpdate } from '../db/tables/feedback-items';
import type { Role } from '../db/tables/users';
import { HttpError } from '../http-error';
import { changeFeedbackItem, findFeedbackItem, type FeedbackEvent } from '../repos/feedback-items';
import { findOfficial, findUnit, officialBelongsTo } from '../repos/organisation';
import { invalid } from '../validate';
import { canMove, isAnswered, type FeedbackStatus } from './feedback-rules';

export interface Handler {
  username: string;
  role: Role;
  scope: StaffScope;
}

/** Staff see an item when it concerns, or is assigned to, one of their units. */
export function canSeeItem(scope: StaffScope, item: Pick<FeedbackItemRow, 'unit_code' | 'assigned_unit'>): boolean {
  return canSeeUnit(scope, item.unit_code) || (item.assigned_unit !== null && canSeeUnit(scope, item.assigned_unit));
}

/** Contact details: admins, and managers of the units the item concerns or is assigned to; never viewers. */
export function canReadContact(handler: Handler, item: Pick<FeedbackItemRow, 'unit_code' | 'assigned_unit'>): boolean {
  return handler.role === 'admin' || (handler.role === 'manager' && canSeeItem(handler.scope, item));
}

/** The item, when the staff member may see it; 404 otherwise, so ids of other units stay unknown. */
export async function visibleItem(db: Kysely<Database>, handler: Handler, id: string): Promise<FeedbackItemRow> {
  const item = await findFeedbackItem(db, id.toLowerCase());
  if (!item || !canSeeItem(handler.scope, item)) throw new HttpError(404, 'unknown_item', 'No such item in your units');
  return item;
}

type Change = { changes: FeedbackItemUpdate; event: Omit<FeedbackEvent, 'actor'>; needsReply?: boolean };

async function change(db: Kysely<Database>, handler: Handler, id: string, now: Date, decide: (item: FeedbackItemRow, trx: Kysely<Database>) => Promise<Change> | Change) {
  await db.transaction().execute(async (trx) => {
    const item = await visibleItem(trx, handler, id);
    const { changes, event, needsReply } = await decide(item, trx);
    const applied = await changeFeedbackItem(trx, item.id, changes, { status: item.status, needsReply }, { ...event, actor: handler.username }, now);
    if (!applied) throw new HttpError(409, 'changed', 'The item was changed meanwhile; reload it and try again');
  });
}

const notClosed = (item: FeedbackItemRow) => {
  if (item.status === 'closed') throw new HttpError(409, 'closed', 'The item is closed');
};

/** Assigns to a unit and/or an official (null clears); a received item moves to in progress. */
export async function assignItem(db: Kysely<Database>, handler: Handler, id: string, to: { unit?: string | null; official?: string | null }, now: Date) {
  await change(db, handler, id, now, async (item, trx) => {
    notClosed(item);
    // Staff name only officials of their own units (the others are not listed to them either).
    const found = to.official ? await findOfficial(trx, to.official) : undefined;
    const official = found && canSeeUnit(handler.scope, found.unit_code) ? found : undefined;
    if (to.official && !official) throw invalid([{ path: 'official', code: 'unknown_official', message: `No official with code "${to.official}" in your units` }]);
    if (to.unit && !(await findUnit(trx, to.unit))) throw invalid([{ path: 'unit', code: 'unknown_unit', message: `No unit with code "${to.unit}"` }]);
    if (official && to.unit && !(await officialBelongsTo(trx, official.code, to.unit))) {
      throw invalid([{ path: 'official', code: 'official_not_in_unit', message: `Official "${official.code}" does not belong to unit "${to.unit}" or a unit below it` }]);
    }
    const unit = to.unit ?? official?.unit_code ?? null;
    const start = item.status === 'received' && (unit || official);
    return {
      changes: { assigned_unit: unit, assigned_official: official?.code ?? null, ...(start ? { status: 'in_progress' } : {}) },
      event: { action: 'assigned', fromStatus: item.status, toStatus: start ? 'in_progress' : item.status, details: { unit, official: official?.code ?? null } },
    };
  });
}

/** Moves the item along; answering needs a saved reply. */
export async function moveItem(db: Kysely<Database>, handler: Handler, id: string, to: FeedbackStatus, now: Date) {
  await change(db, handler, id, now, (item) => {
    const from = item.status as FeedbackStatus;
    if (!canMove(from, to)) throw new HttpError(409, 'invalid_move', `An item cannot go from ${from} to ${to}`);
    if (to === 'answered' && !item.reply) throw new HttpError(409, 'reply_required', 'Write and save a reply before marking the item answered');
    const at = now.toISOString();
    const changes: FeedbackItemUpdate = { status: to };
    if (to === 'answered') changes.answered_at = at;
    if (to === 'in_progress') changes.answered_at = null;
    if (to === 'closed') changes.closed_at = at;
    return { changes, event: { action: 'status', fromStatus: from, toStatus: to }, needsReply: to === 'answered' };
  });
}

export async function saveNote(db: Kysely<Database>, handler: Handler, id: string, note: string, now: Date) {
  await change(db, handler, id, now, (item) => ({ changes: { internal_note: note }, event: { action: 'note', fromStatus: item.status, toStatus: item.status, details: { note } } }));
}

/** Saves the reply to the sender; an answered item cannot lose its reply. */
export async function saveReply(db: Kysely<Database>, handler: Handler, id: string, reply: string, now: Date) {
  await change(db, handler, id, now, (item) => {
    notClosed(item);
    if (!reply && isAnswered(item.status as FeedbackStatus)) throw new HttpError(409, 'reply_required', 'An answered item keeps a reply; reopen it first');
    return { changes: { reply }, event: { action: 'reply', fromStatus: item.status, toStatus: item.status, details: { reply } } };
  });
}

/** Marks the item publishable (with phrases to remove) or withdraws it; only answered items with a reply. */
export async function setPublication(db: Kysely<Database>, handler: Handler, id: string, publication: { publishable: boolean; redactions: string[] }, now: Date) {
  await change(db, handler, id, now, (item) => {
    if (publication.publishable && (!isAnswered(item.status as FeedbackStatus) || !item.reply)) {
      throw new HttpError(409, 'not_answered', 'Only an answered item with a reply can be published');
    }
    const redactions = [...new Set(publication.redactions.filter(Boolean))];
    const publishedAt = publication.publishable ? (item.published_at ?? now.toISOString()) : null;
    return {
      changes: { publishable: publication.publishable ? 1 : 0, redactions: JSON.stringify(redactions), published_at: publishedAt },
      event: { action: publication.publishable ? 'published' : 'unpublished', fromStatus: item.status, toStatus: item.status, details: { redactions } },
      needsReply: publication.publishable,
    };
  });
}

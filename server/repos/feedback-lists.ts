import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { FeedbackItemRow } from '../db/tables/feedback-items';
import type { FeedbackKind, FeedbackStatus } from '../feedback/feedback-rules';

export interface InboxFilter {
  /** The units the staff member may see (the item's unit or the unit it is assigned to); null: all. */
  scope: readonly string[] | null;
  status: FeedbackStatus | 'open' | 'all';
  kind?: FeedbackKind;
  /** Only items concerning or assigned to these units. */
  units?: readonly string[];
  /** Only items still open whose due date is before this Vietnam date. */
  overdueOn?: string;
  codeHash?: string;
  limit: number;
  offset: number;
}

/** Inbox rows are everything but the sealed contact, which is read one item at a time. */
export type InboxRow = Omit<FeedbackItemRow, 'contact_sealed' | 'code_hash' | 'content_hash'> & { has_contact: number };

/** A page of the inbox: open items most urgent first, the others newest first; and the total. */
export async function listInbox(db: Kysely<Database>, filter: InboxFilter): Promise<{ rows: InboxRow[]; total: number }> {
  const within = (codes: readonly string[]) => (codes.length ? [...codes] : ['\u0000none']);
  let q = db.selectFrom('feedback_items');
  if (filter.scope) {
    const scope = within(filter.scope);
    q = q.where((eb) => eb.or([eb('unit_code', 'in', scope), eb('assigned_unit', 'in', scope)]));
  }
  if (filter.units) {
    const units = within(filter.units);
    q = q.where((eb) => eb.or([eb('unit_code', 'in', units), eb('assigned_unit', 'in', units)]));
  }
  const open = filter.status === 'open' || filter.overdueOn !== undefined;
  if (open) q = q.where('status', 'in', ['received', 'in_progress']);
  if (filter.status !== 'open' && filter.status !== 'all') q = q.where('status', '=', filter.status);
  if (filter.overdueOn) q = q.where('due_date', '<', filter.overdueOn);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.codeHash) q = q.where('code_hash', '=', filter.codeHash);

  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rows = q
    .select([
      'id', 'kind', 'channel', 'unit_code', 'procedure_code', 'text', 'contact_kind', 'status', 'received_at', 'local_date', 'due_date',
      'assigned_unit', 'assigned_official', 'internal_note', 'reply', 'answered_at', 'closed_at', 'publishable', 'redactions',
      'published_at', 'updated_at', 'event_count', 'sender_rating', 'sender_rated_at',
    ])
    .select((eb) => eb.case().when('contact_sealed', 'is not', null).then(1).else(0).end().as('has_contact'));
  rows = open ? rows.orderBy('due_date').orderBy('received_at') : rows.orderBy('received_at', 'desc');
  const page = await rows.orderBy('id').limit(filter.limit).offset(filter.offset).execute();
  return { rows: page.map((r) => ({ ...r, has_contact: Number(r.has_contact) })), total: Number(total.n) };
}

export interface PublishedFilter {
  units?: readonly string[];
  limit: number;
  offset: number;
}

/** Answered items staff marked publishable, most recently published first. */
export async function listPublished(db: Kysely<Database>, filter: PublishedFilter): Promise<FeedbackItemRow[]> {
  let q = db
    .selectFrom('feedback_items')
    .selectAll()
    .where('publishable', '=', 1)
    .where('status', 'in', ['answered', 'closed'])
    .where('reply', '<>', '')
    .where('published_at', 'is not', null);
  if (filter.units) q = q.where('unit_code', 'in', filter.units.length ? [...filter.units] : ['\u0000none']);
  return q.orderBy('published_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
}

/** Every item received in a date range that concerns, or is assigned to, one of the units (null: all). */
export async function listForExport(db: Kysely<Database>, filter: { units: readonly string[] | null; from: string; to: string }): Promise<FeedbackItemRow[]> {
  let q = db.selectFrom('feedback_items').selectAll().where('local_date', '>=', filter.from).where('local_date', '<=', filter.to);
  if (filter.units) {
    const units = filter.units.length ? [...filter.units] : ['\u0000none'];
    q = q.where((eb) => eb.or([eb('unit_code', 'in', units), eb('assigned_unit', 'in', units)]));
  }
  return q.orderBy('received_at').orderBy('id').execute();
}

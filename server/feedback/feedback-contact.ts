// Reading a sender's contact: only for those allowed, one item at a time, and always audited.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { HttpError } from '../http-error';
import { recordAudit } from '../repos/audit-log';
import { openContact } from './contact-cipher';
import { canReadContact, visibleItem, type Handler } from './handle-feedback';

export async function revealContact(db: Kysely<Database>, secret: Buffer, handler: Handler, id: string, now: Date): Promise<{ kind: string; value: string }> {
  const item = await visibleItem(db, handler, id);
  if (!canReadContact(handler, item)) throw new HttpError(403, 'forbidden', 'Only managers of the units concerned and admins read contact details');
  if (!item.contact_sealed || !item.contact_kind) throw new HttpError(404, 'no_contact', 'The sender left no contact');
  const value = openContact(secret, item.id, item.contact_sealed);
  if (value === undefined) throw new HttpError(409, 'contact_unreadable', 'The contact was sealed with another server secret and cannot be read');
  await recordAudit(db, { actor: handler.username, action: 'feedback.contact-read', target: item.id }, now);
  return { kind: item.contact_kind, value };
}

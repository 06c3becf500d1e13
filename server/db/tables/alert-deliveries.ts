import type { Generated, Insertable, Selectable } from 'kysely';

/** One message to send (an alert by e-mail or webhook, or a weekly digest) and how it went. */
export interface AlertDeliveriesTable {
  id: string;
  /** null for a digest. */
  alert_id: string | null;
  /** The unit it is about (a digest: the staff member's root unit, '' for an admin). */
  unit_code: string;
  /** alert | digest */
  purpose: string;
  /** email | webhook */
  channel: string;
  /** An e-mail address or a URL. */
  target: string;
  subject: string;
  /** Plain text of an e-mail, or the JSON body of a webhook, exactly as signed. */
  body: string;
  /** pending | sent | failed | skipped */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** A server sending it holds it until then; another takes it over only after. */
  lease_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}
export type AlertDeliveryRow = Selectable<AlertDeliveriesTable>;
export type NewAlertDeliveryRow = Insertable<AlertDeliveriesTable>;

import type { Insertable, Selectable } from 'kysely';

/**
 * One person's answers to one questionnaire. Nothing here identifies the person: no IP address,
 * no dossier number, no cookie.
 */
export interface ResponsesTable {
  /** UUID made by the client, so a resend is recognised. */
  id: string;
  survey_id: string;
  survey_version: number;
  /** '' when unknown; never null, so the aggregate keys stay comparable on every database. */
  unit_code: string;
  procedure_code: string;
  official_code: string;
  /** kiosk | qr | web | paper */
  channel: string;
  /** When the person answered (ISO-8601 UTC). */
  submitted_at: string;
  /** The Vietnam calendar date of submitted_at, the key of every period filter. */
  local_date: string;
  received_at: string;
  /** Canonical JSON of the answers. */
  answers: string;
  /** Hash of the request's content, to tell a resend (200) from a conflicting reuse of the id (409). */
  content_hash: string;
  /** The enrolled kiosk device that sent it, '' otherwise. */
  device_id: string;
  /** 1 when left out of scores by default (e.g. a repeated tap on a kiosk). */
  flagged: number;
  /** What proved the channel (server/responses/proof.ts); '' until a row from before is classified. */
  proof: string;
}
export type ResponseRow = Selectable<ResponsesTable>;
export type NewResponseRow = Insertable<ResponsesTable>;

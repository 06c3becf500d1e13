import type { Insertable, Selectable } from 'kysely';
import type { DossierTiming } from '../../scoring/dossier-timing';

/**
 * A QR invitation printed on the result slip of one returned dossier. The dossier number, the
 * token and the short code are stored only as keyed hashes (HMAC with the server secret), and
 * times only as Vietnam dates: an exact time could be matched with a response's.
 */
export interface InvitationsTable {
  id: string;
  /** Random; with the server secret it gives back the token and short code for a reprint. */
  token_salt: string;
  token_hash: string;
  code_hash: string;
  dossier_hash: string;
  unit_code: string;
  procedure_code: string;
  /** '' when no official was named. */
  official_code: string;
  /** The full questionnaire offered after the quick rating. */
  survey_id: string;
  /** JSON array of the full questionnaire's group ids asked; null: every part. Fixed when issued. */
  survey_parts: string | null;
  /** Vietnam dates (YYYY-MM-DD). */
  received_date: string | null;
  due_date: string | null;
  /** The Vietnam date the result was returned: the key of the dossier counters. */
  return_date: string;
  /** Worked out from the exact due and return times when the invitation was made. */
  timing: DossierTiming;
  /** "staff:<username>" or "key:<api key id>". */
  created_by: string;
  created_date: string;
  /** The start (Vietnam midnight) of the first day the invitation no longer works. */
  expires_at: string;
}
export type InvitationRow = Selectable<InvitationsTable>;
export type NewInvitationRow = Insertable<InvitationsTable>;

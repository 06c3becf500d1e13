import type { Insertable, Selectable } from 'kysely';

/**
 * A tablet enrolled as a kiosk for one unit (and optionally the official at that counter). Only
 * hashes of its one-time enrolment code and of its credential are kept.
 */
export interface KioskDevicesTable {
  id: string;
  /** A label staff recognise, e.g. "Máy tính bảng quầy 1". */
  name: string;
  unit_code: string;
  /** '' when the kiosk is not tied to one official. */
  official_code: string;
  /** Seconds the thank-you screen stays before the kiosk resets. */
  thanks_seconds: number;
  /** Seconds without a touch before the kiosk resets for the next person. */
  idle_seconds: number;
  /** Submissions closer together than this are flagged as repeated taps; 0 turns it off. */
  repeat_seconds: number;
  /** HMAC of the pending one-time enrolment code; null once used or replaced. */
  enrol_code_hash: string | null;
  enrol_expires_at: string | null;
  /** SHA-256 of the credential the tablet holds; null until enrolled and after revocation. */
  credential_hash: string | null;
  created_at: string;
  /** The staff username who registered it. */
  created_by: string;
  enrolled_at: string | null;
  revoked_at: string | null;
  /** The last heartbeat or response. */
  last_seen_at: string | null;
  /** Answers waiting on the tablet at the last heartbeat. */
  queued: number;
  /** The latest submittedAt of the responses stored from this device. */
  last_submitted_at: string | null;
  /** last_submitted_at before the latest store: what the repeated-tap check compares with. */
  previous_submitted_at: string | null;
  /** The questionnaire this kiosk asks; null: its unit's (server/surveys/survey-assignment.ts). */
  survey_id: string | null;
  /** JSON array of the group ids it asks; null: every part. Only with survey_id. */
  survey_parts: string | null;
}
export type KioskDeviceRow = Selectable<KioskDevicesTable>;
export type NewKioskDeviceRow = Insertable<KioskDevicesTable>;

import type { Generated, Insertable, Selectable } from 'kysely';

export const ALERT_KINDS = ['index_below_target', 'index_fell', 'complaints_overdue', 'kiosk_silent'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** A rule that watches one unit (with its sub-units) and raises an alert when service slips. */
export interface AlertRulesTable {
  id: string;
  unit_code: string;
  /** AlertKind */
  kind: string;
  /** The questionnaire of an index rule; '' for the others. */
  survey_id: Generated<string>;
  /** An element id or "overall", for index rules. */
  element: Generated<string>;
  /** Index rules: the last N days compared; a kiosk rule: days of silence. */
  days: number;
  /** index_below_target: the target in percent; null uses the element's target. */
  target: number | null;
  /** JSON list of staff usernames e-mailed when it fires. */
  recipients: Generated<string>;
  /** Signed POST when it fires; only admins set it. */
  webhook_url: string | null;
  enabled: Generated<number>;
  /** 1 while the condition holds: moving 0 → 1 (one server wins) opens an alert. */
  firing: Generated<number>;
  /** How many times it has fired; the alert of each episode is unique. */
  episode: Generated<number>;
  last_checked_at: string | null;
  /** JSON figures of the latest check, shown beside the rule. */
  last_figures: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export type AlertRuleRow = Selectable<AlertRulesTable>;
export type NewAlertRuleRow = Insertable<AlertRulesTable>;

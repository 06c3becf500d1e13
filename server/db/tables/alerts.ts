import type { Insertable, Selectable } from 'kysely';

/** One firing of a rule, open until its condition no longer holds. */
export interface AlertsTable {
  id: string;
  rule_id: string;
  episode: number;
  unit_code: string;
  kind: string;
  opened_at: string;
  resolved_at: string | null;
  /** JSON: the figures that made it fire. */
  figures: string;
}
export type AlertRow = Selectable<AlertsTable>;
export type NewAlertRow = Insertable<AlertsTable>;

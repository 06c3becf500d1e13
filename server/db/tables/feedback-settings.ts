import type { Selectable } from 'kysely';

/** Settings of feedback handling that admins change (handling period, holidays), as JSON values. */
export interface FeedbackSettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string;
}
export type FeedbackSettingRow = Selectable<FeedbackSettingsTable>;

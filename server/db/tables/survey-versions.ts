import type { Selectable } from 'kysely';

/** Every published definition as first seen, so that a silent edit of a published file is caught. */
export interface SurveyVersionsTable {
  survey_id: string;
  version: number;
  content_hash: string;
  definition: string;
  first_seen_at: string;
}
export type SurveyVersionRow = Selectable<SurveyVersionsTable>;

import type { Selectable } from 'kysely';

/**
 * Every published definition: seeded from survey-defs/ files (first seen, so that a silent edit of
 * a published file is caught) or published from the staff editor. Never changed once written,
 * except retired_at.
 */
export interface SurveyVersionsTable {
  survey_id: string;
  version: number;
  content_hash: string;
  /** The canonical JSON of the definition. */
  definition: string;
  first_seen_at: string;
  published_at: string | null;
  /** The staff user who published it; null for a version seeded from a file. */
  published_by: string | null;
  /** From then on the version is no longer offered and takes no answer given later. */
  retired_at: string | null;
}
export type SurveyVersionRow = Selectable<SurveyVersionsTable>;

/** At most one draft per questionnaire, with the version number it will be published as. */
export interface SurveyDraftsTable {
  survey_id: string;
  version: number;
  /** The published version it was copied from; null for an import or a new questionnaire. */
  based_on: number | null;
  definition: string;
  updated_at: string;
  updated_by: string | null;
}
export type SurveyDraftRow = Selectable<SurveyDraftsTable>;

/** One row (id 1): bumped by every publish and retirement, read by every server to stay fresh. */
export interface SurveyCatalogTable {
  id: number;
  generation: number;
}

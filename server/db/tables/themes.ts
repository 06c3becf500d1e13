import type { Insertable, Selectable } from 'kysely';

/** The theme lexicon in force: one row (id 1), seeded from data/themes.vi.json, edited by admins. */
export interface ThemeLexiconTable {
  id: number;
  /** The lexicon as JSON (server/themes/lexicon-schema.ts). */
  body: string;
  /** Bumped by every edit. */
  revision: number;
  updated_at: string;
  /** The admin's username, or "system" for the shipped lexicon. */
  updated_by: string;
}

/**
 * One free text: a suggestion answer of a response or a feedback item's text, with the keys its
 * figures are filed under (copied from the response or item, which never change them).
 */
export interface ThemeTextsTable {
  /** Random, so the page never learns a response's id. */
  id: string;
  /** response | feedback */
  source: string;
  /** The response's or feedback item's id. */
  source_id: string;
  /** The text question of the response; '' for feedback. */
  question_id: string;
  /** '' for feedback. */
  survey_id: string;
  unit_code: string;
  procedure_code: string;
  /** '' when none (always for feedback). */
  official_code: string;
  channel: string;
  local_date: string;
  submitted_at: string;
  flagged: number;
  /** 1 when its channel was proven (server/responses/proof.ts); feedback counts as 1. */
  verified: number;
  /** 1 when the response rated at least one criterion. */
  rated: number;
  /** 1 when a criterion was rated on a dissatisfied level. */
  dissatisfied: number;
  text: string;
}
export type ThemeTextRow = Selectable<ThemeTextsTable>;
export type NewThemeTextRow = Insertable<ThemeTextsTable>;

/** A theme on a text: found by the lexicon (automatic) or set by staff (manual, which re-tagging keeps). */
export interface TextThemesTable {
  text_id: string;
  theme_id: string;
  /** automatic | manual */
  origin: string;
  /** 1 when staff took the theme off: kept so that re-tagging does not put it back. */
  removed: number;
  changed_by: string;
  changed_at: string;
}

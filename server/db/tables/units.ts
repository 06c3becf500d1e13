import type { Generated, Insertable, Selectable } from 'kysely';

/** A unit of the organisation: the agency at the top, its departments, counters under them. */
export interface UnitsTable {
  code: string;
  parent_code: string | null;
  name_vi: string;
  name_en: string;
  /** agency | office | department | centre | counter */
  kind: string;
  sort_order: number;
  /** 0 once retired: it takes no new answers; its past responses stay counted. */
  active: Generated<number>;
  /**
   * The questionnaire its kiosks and invitations ask, and the units below it that set none; null:
   * as the unit above (server/surveys/survey-assignment.ts).
   */
  survey_id: string | null;
  /** JSON array of the questionnaire's group ids asked; null: every part. */
  survey_parts: string | null;
}
export type UnitRow = Selectable<UnitsTable>;
export type NewUnitRow = Insertable<UnitsTable>;

import type { Selectable } from 'kysely';

/** The index an element should reach (percent), per survey; an element without a row aims at 90. */
export interface ScoreTargetsTable {
  survey_id: string;
  element_id: string;
  target: number;
  updated_at: string;
  /** The staff username who set it. */
  updated_by: string;
}
export type ScoreTargetRow = Selectable<ScoreTargetsTable>;

import type { AnswerCountsTable } from './tables/answer-counts';
import type { OfficialsTable } from './tables/officials';
import type { ProceduresTable } from './tables/procedures';
import type { ResponsesTable } from './tables/responses';
import type { SurveyVersionsTable } from './tables/survey-versions';
import type { UnitsTable } from './tables/units';

/** Every table Kysely may touch, by name. */
export interface Database {
  units: UnitsTable;
  procedures: ProceduresTable;
  officials: OfficialsTable;
  survey_versions: SurveyVersionsTable;
  responses: ResponsesTable;
  answer_counts: AnswerCountsTable;
}

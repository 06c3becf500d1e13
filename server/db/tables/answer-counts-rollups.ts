import type { Insertable, Selectable } from 'kysely';
import type { AnswerCountsTable } from './answer-counts';

/**
 * answer_counts summed over some of its dimensions ("cuts", see repos/answer-count-cuts.ts), by
 * day (answer_rollups) and by month (answer_rollups_monthly, local_date = the month's first day).
 * A column a cut sums over holds '*', which no code can be. Kept in the transaction that adds to
 * answer_counts, so scores read rows bounded by units × periods × answer values, not responses.
 */
export interface AnswerRollupsTable extends AnswerCountsTable {
  /** Which columns this row keeps: 'org', 'official', 'channel' or 'procedure'. */
  cut: string;
}
export type AnswerRollupRow = Selectable<AnswerRollupsTable>;
export type NewAnswerRollupRow = Insertable<AnswerRollupsTable>;

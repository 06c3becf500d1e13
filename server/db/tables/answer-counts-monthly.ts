import type { AnswerCountsTable } from './answer-counts';

/**
 * answer_counts rolled up by month, kept in the same transaction as the daily rows: local_date
 * holds the first day of the month. Long periods read whole months here and edge days there.
 */
export type AnswerCountsMonthlyTable = AnswerCountsTable;

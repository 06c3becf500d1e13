import type { Insertable, Selectable } from 'kysely';

/**
 * How many responses gave each value to each question, per day and per combination of unit,
 * procedure, official and channel. Kept up to date in the transaction that stores a response, so
 * that scores never scan the responses. question_id '*' counts responses.
 */
export interface AnswerCountsTable {
  survey_id: string;
  local_date: string;
  unit_code: string;
  procedure_code: string;
  official_code: string;
  channel: string;
  /** Why the answers are left out by default, as bits: 1 repeated tap, 2 unverified channel (FLAG_* in repos/answer-counts.ts). */
  flagged: number;
  question_id: string;
  value: string;
  n: number;
}
export type AnswerCountRow = Selectable<AnswerCountsTable>;
export type NewAnswerCountRow = Insertable<AnswerCountsTable>;

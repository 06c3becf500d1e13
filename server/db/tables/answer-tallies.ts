import type { Insertable, Selectable } from 'kysely';

/**
 * How many responses there were and how many gave each answer, one row per cut key and period:
 * by day (answer_tallies) and by month (answer_tallies_monthly, local_date = the month's first
 * day). Kept up to date in the transaction that stores the responses, so scores never scan them.
 *
 * A cut (repos/answer-count-cuts.ts) keeps some of the four dimension columns and holds '*' in
 * the others, which no code can be; the 'full' cut keeps all four. One row holds all of its
 * answers' counts, so a batch of responses writes a few rows per response, not one per answer.
 */
export interface AnswerTalliesTable {
  survey_id: string;
  /** 'full', 'org', 'org_procedure', 'official', 'channel' or 'procedure'. */
  cut: string;
  local_date: string;
  unit_code: string;
  procedure_code: string;
  official_code: string;
  channel: string;
  /** Why the answers are left out by default, as bits: 1 repeated tap, 2 unverified channel (FLAG_* in repos/answer-counts.ts). */
  flagged: number;
  /** How many responses. */
  responses: number;
  /**
   * The answers' counts as a JSON object, `"<question id>:<value>": n` (question ids have no ':'),
   * n never 0. Text on SQLite, jsonb on PostgreSQL (where the driver hands back an object).
   */
  counts: string | Record<string, number>;
}
export type AnswerTallyRow = Selectable<AnswerTalliesTable>;
export type NewAnswerTallyRow = Insertable<AnswerTalliesTable>;

import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * A stored response whose answers are not yet in the tallies (server/tallies/fold-tallies.ts),
 * with what it adds to them: the key columns of its 'full' tally row and its counted answers
 * (free text left out) as JSON. Deleted by the fold that adds it, in the same transaction.
 */
export interface TallyQueueTable {
  /** Its turn: rows are appended in this order and folded in it (pages written at one end). */
  seq: Generated<number>;
  response_id: string;
  survey_id: string;
  local_date: string;
  unit_code: string;
  procedure_code: string;
  official_code: string;
  channel: string;
  /** The tally key's flag bits (FLAG_* in repos/answer-counts.ts). */
  flagged: number;
  /** The counted answers as JSON text, `{ "<question id>": value or [options] }`. */
  answers: string;
}
export type TallyQueueRow = Selectable<TallyQueueTable>;
export type NewTallyQueueRow = Insertable<TallyQueueTable>;

import type { Kysely } from 'kysely';
import type { Answers } from '../../survey-defs/check-answers';
import type { Database } from '../db/database';
import type { NewAnswerCountRow } from '../db/tables/answer-counts';

/** The question id under which every stored response adds one, so responses can be counted. */
export const RESPONSE_COUNT_KEY = '*';

export interface CountedResponse {
  surveyId: string;
  localDate: string;
  unitCode: string;
  procedureCode: string;
  officialCode: string;
  channel: string;
  flagged: boolean;
  /** The ratings and choices; free-text answers are left out (they are read from the responses). */
  countedAnswers: Answers;
}

/**
 * The aggregate rows one batch of responses adds to, merged by key and in key order (a fixed
 * order keeps two concurrent PostgreSQL transactions from deadlocking on the same rows).
 */
export function countIncrements(responses: readonly CountedResponse[]): NewAnswerCountRow[] {
  const rows = new Map<string, NewAnswerCountRow>();
  const add = (r: CountedResponse, question_id: string, value: string) => {
    const row: NewAnswerCountRow = {
      survey_id: r.surveyId,
      local_date: r.localDate,
      unit_code: r.unitCode,
      procedure_code: r.procedureCode,
      official_code: r.officialCode,
      channel: r.channel,
      flagged: r.flagged ? 1 : 0,
      question_id,
      value,
      n: 1,
    };
    const key = JSON.stringify([row.survey_id, row.local_date, row.unit_code, row.procedure_code, row.official_code, row.channel, row.flagged, question_id, value]);
    const known = rows.get(key);
    if (known) known.n += 1;
    else rows.set(key, row);
  };
  for (const r of responses) {
    add(r, RESPONSE_COUNT_KEY, '');
    for (const [qid, value] of Object.entries(r.countedAnswers)) {
      if (Array.isArray(value)) for (const option of value) add(r, qid, option);
      else add(r, qid, String(value));
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

const CHUNK = 500;

/** Adds the increments to the aggregate table; call inside the transaction that stores them. */
export async function addAnswerCounts(trx: Kysely<Database>, increments: NewAnswerCountRow[]): Promise<void> {
  for (let i = 0; i < increments.length; i += CHUNK) {
    await trx
      .insertInto('answer_counts')
      .values(increments.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['survey_id', 'local_date', 'unit_code', 'procedure_code', 'official_code', 'channel', 'flagged', 'question_id', 'value'])
          .doUpdateSet((eb) => ({ n: eb('answer_counts.n', '+', eb.ref('excluded.n')) })),
      )
      .execute();
  }
}

// The aggregate counts as one row per answer value, the way tests state what a response adds:
// the 'full' cut of the daily tallies, its responses under question '*' with value ''.
import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/database';
import type { AnswerTallyRow } from '../../server/db/tables/answer-tallies';
import { parseCounts, splitAnswerKey } from '../../server/repos/answer-counts';
import { foldTallies } from '../../server/tallies/fold-tallies';

export type AnswerCountRow = Omit<AnswerTallyRow, 'cut' | 'responses' | 'counts'> & { question_id: string; value: string; n: number };

/** Every count of the daily 'full' tallies, in key order, zeros left out. */
export async function answerCountRows(db: Kysely<Database>): Promise<AnswerCountRow[]> {
  await foldTallies(db);
  const tallies = await db
    .selectFrom('answer_tallies')
    .selectAll()
    .where('cut', '=', 'full')
    .execute();
  tallies.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const out: AnswerCountRow[] = [];
  for (const { cut: _, responses, counts, ...key } of tallies) {
    const base = { ...key, flagged: Number(key.flagged) };
    if (Number(responses) !== 0) out.push({ ...base, question_id: '*', value: '', n: Number(responses) });
    const answers = parseCounts(counts);
    for (const answer of Object.keys(answers).sort()) {
      const [question_id, value] = splitAnswerKey(answer);
      out.push({ ...base, question_id, value, n: Number(answers[answer]) });
    }
  }
  return out;
}

const keyOf = (t: AnswerTallyRow) =>
  [t.survey_id, t.local_date, t.unit_code, t.procedure_code, t.official_code, t.channel, t.flagged].join('\u0000');

/** How many responses the aggregate counts hold. */
export async function countedResponses(db: Kysely<Database>): Promise<number> {
  await foldTallies(db);
  const row = await db.selectFrom('answer_tallies').select((eb) => eb.fn.sum<number>('responses').as('n')).where('cut', '=', 'full').executeTakeFirst();
  return Number(row?.n ?? 0);
}

// The free-text answers (suggestions) within a filter, newest first. They are never counted, so
// they are read from the responses: the newest pages only, until enough are found.
import type { Kysely } from 'kysely';
import type { Answers } from '../../survey-defs/check-answers';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { Database } from '../db/database';
import { redactText } from '../feedback/redact-text';
import { responsePage, type ResponseCursor } from '../repos/response-pages';
import type { CountFilter } from '../repos/score-counts';

export interface Suggestion {
  /** The Vietnam date it was given (not the time: nothing that could single a person out). */
  date: string;
  unit: string;
  question: string;
  text: string;
}

const PAGE = 500;
/** Looking further back than this many responses for one page of suggestions is not worth the wait. */
const MAX_SCANNED = 50_000;

/** Up to `limit` suggestions, newest first. */
export async function latestSuggestions(reader: Kysely<Database>, def: SurveyDefinition, filter: CountFilter, limit: number): Promise<Suggestion[]> {
  const textQuestions = def.questions.filter((q) => q.type === 'text').map((q) => q.id);
  const out: Suggestion[] = [];
  if (!textQuestions.length) return out;
  let after: ResponseCursor | undefined;
  for (let scanned = 0; out.length < limit && scanned < MAX_SCANNED; scanned += PAGE) {
    const rows = await responsePage(reader, filter, { after, limit: PAGE, newestFirst: true });
    for (const row of rows) {
      const answers = JSON.parse(row.answers) as Answers;
      for (const q of textQuestions) {
        const text = answers[q];
        // A phone number or e-mail typed into a suggestion would name its anonymous writer.
        if (typeof text === 'string' && text && out.length < limit) out.push({ date: row.local_date, unit: row.unit_code, question: q, text: redactText(text, []) });
      }
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { submittedAt: last.submitted_at, id: last.id };
  }
  return out;
}

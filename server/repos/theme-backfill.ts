// The first start with themes: the texts stored before them (responses and feedback items) are
// stored as texts and tagged once, so the figures cover the past too.
import type { Kysely } from 'kysely';
import type { Answers } from '../../survey-defs/check-answers';
import type { Database } from '../db/database';
import type { SurveyRegistry } from '../surveys/survey-registry';
import { freeTextsOf } from '../themes/free-texts';
import { isVerified, type Proof } from '../responses/proof';
import { currentCompiledLexicon, seedLexicon } from './theme-lexicon';
import { feedbackText, storeTexts } from './theme-texts';

const PAGE = 1000;

/** Seeds the lexicon when none is stored and then tags every earlier text; returns how many texts it stored. */
export async function seedThemes(db: Kysely<Database>, surveys: SurveyRegistry, now: Date): Promise<number> {
  if (!(await seedLexicon(db, now))) return 0;
  const lexicon = await currentCompiledLexicon(db);
  let stored = 0;
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('responses').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute();
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    const texts = rows.flatMap((r) => {
      const def = surveys.get(r.survey_id, r.survey_version);
      if (!def) return [];
      const free = freeTextsOf(def, JSON.parse(r.answers) as Answers);
      return free.texts.map(({ question, text }) => ({
        source: 'response',
        source_id: r.id,
        question_id: question,
        survey_id: r.survey_id,
        unit_code: r.unit_code,
        procedure_code: r.procedure_code,
        official_code: r.official_code,
        channel: r.channel,
        local_date: r.local_date,
        submitted_at: r.submitted_at,
        flagged: r.flagged,
        verified: isVerified(r.proof as Proof) ? 1 : 0,
        rated: free.rated ? 1 : 0,
        dissatisfied: free.dissatisfied ? 1 : 0,
        text,
      }));
    });
    stored += await db.transaction().execute((trx) => storeTexts(trx, texts, now, lexicon));
  }
  after = '';
  for (;;) {
    const rows = await db.selectFrom('feedback_items').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute();
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    stored += await db.transaction().execute((trx) => storeTexts(trx, rows.map(feedbackText), now, lexicon));
  }
  return stored;
}

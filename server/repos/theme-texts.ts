// Free texts and their themes: stored and tagged as they arrive, re-tagged when the lexicon
// changes, with staff's own choices (manual) kept through every re-tagging.
import { randomUUID } from 'node:crypto';
import { PostgresAdapter, sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { NewThemeTextRow, TextThemesTable, ThemeTextRow } from '../db/tables/themes';
import { everyColumn, executeInSlices, valuesList } from '../db/row-slices';
import { compileLexicon, tagText, type CompiledLexicon } from '../themes/tag-text';
import type { ThemeLexicon } from '../themes/lexicon-schema';
import type { PendingResponse } from './responses';
import { currentCompiledLexicon } from './theme-lexicon';

const CHUNK = 500;
export const AUTOMATIC = 'automatic';
export const MANUAL = 'manual';

type NewText = Omit<NewThemeTextRow, 'id'>;

const TEXT_COLUMNS = everyColumn<NewThemeTextRow>()([
  'id', 'source', 'source_id', 'question_id', 'survey_id', 'unit_code', 'procedure_code', 'official_code', 'channel', 'local_date', 'submitted_at', 'flagged', 'verified', 'rated', 'dissatisfied', 'text',
]);
const TAG_COLUMNS = everyColumn<Insertable<TextThemesTable>>()(['text_id', 'theme_id', 'origin', 'removed', 'changed_by', 'changed_at']);

/** Adds themes to texts, as rows of text_themes. */
function insertTags(trx: Kysely<Database>, tags: readonly Insertable<TextThemesTable>[]): Promise<unknown> {
  return executeInSlices(trx, 'text_themes', tags, TAG_COLUMNS, (size, postgres) => `insert into text_themes (${TAG_COLUMNS.join(', ')}) values ${valuesList(TAG_COLUMNS.length, size, postgres)}`);
}

/** Stores texts not stored yet and tags them with the lexicon in force; returns how many were new. */
export async function storeTexts(trx: Kysely<Database>, texts: readonly NewText[], now: Date, lexicon?: CompiledLexicon): Promise<number> {
  if (!texts.length) return 0;
  const at = now.toISOString();
  let stored = 0;
  let compiled = lexicon;
  for (let i = 0; i < texts.length; i += CHUNK) {
    const rows = texts.slice(i, i + CHUNK).map((t) => ({ ...t, id: randomUUID() }));
    // In slices of fixed sizes (db/row-slices.ts): a statement per batch size cost more to prepare than to run.
    const inserted = await executeInSlices<NewThemeTextRow, { id: string }>(trx, 'theme_texts', rows, TEXT_COLUMNS, (size, postgres) =>
      `insert into theme_texts (${TEXT_COLUMNS.join(', ')}) values ${valuesList(TEXT_COLUMNS.length, size, postgres)} on conflict (source, source_id, question_id) do nothing returning id`);
    // The lexicon is read after the insert: a lexicon edit locks the texts against inserts
    // (lockTextsForRetag), so a text is either seen by its re-tagging or tagged with its result.
    compiled ??= await currentCompiledLexicon(trx);
    const fresh = new Set(inserted.map((r) => r.id));
    stored += fresh.size;
    const tags = rows
      .filter((r) => fresh.has(r.id))
      .flatMap((r) => tagText(compiled!, r.text).map((theme) => ({ text_id: r.id, theme_id: theme, origin: AUTOMATIC, removed: 0, changed_by: 'system', changed_at: at })));
    await insertTags(trx, tags);
  }
  return stored;
}

/** The texts of freshly stored responses, stored and tagged in the same transaction. */
export async function storeResponseTexts(trx: Kysely<Database>, stored: readonly PendingResponse[]): Promise<void> {
  const texts: NewText[] = [];
  for (const r of stored) {
    if (!r.freeTexts) continue;
    for (const { question, text } of r.freeTexts.texts) {
      texts.push({
        source: 'response',
        source_id: r.id,
        question_id: question,
        survey_id: r.surveyId,
        unit_code: r.unitCode,
        procedure_code: r.procedureCode,
        official_code: r.officialCode,
        channel: r.channel,
        local_date: r.localDate,
        submitted_at: r.submittedAt,
        flagged: r.flagged ? 1 : 0,
        verified: r.verified ? 1 : 0,
        rated: r.freeTexts.rated ? 1 : 0,
        dissatisfied: r.freeTexts.dissatisfied ? 1 : 0,
        text,
      });
    }
  }
  if (texts.length) await storeTexts(trx, texts, new Date(stored[0]!.receivedAt));
}

/** A feedback item's text, as a text to tag. */
export function feedbackText(item: { id: string; unit_code: string; procedure_code: string; channel: string; local_date: string; received_at: string; text: string }): NewText {
  return {
    source: 'feedback',
    source_id: item.id,
    question_id: '',
    survey_id: '',
    unit_code: item.unit_code,
    procedure_code: item.procedure_code,
    official_code: '',
    channel: item.channel,
    local_date: item.local_date,
    submitted_at: item.received_at,
    flagged: 0,
    verified: 1,
    rated: 0,
    dissatisfied: 0,
    text: item.text,
  };
}

/**
 * Holds new texts back until the re-tagging transaction ends. SQLite has one writer at a time
 * already; PostgreSQL needs the lock, or a text stored meanwhile would keep the old lexicon's tags.
 */
async function lockTextsForRetag(trx: Kysely<Database>): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`lock table theme_texts in share mode`.execute(trx);
}

/**
 * Re-tags every text with `lexicon`: the automatic themes are replaced, the manual ones stay (an
 * added theme stays, a removed one stays removed). Returns how many texts were read.
 */
export async function retagAll(trx: Kysely<Database>, lexicon: ThemeLexicon, now: Date): Promise<number> {
  await lockTextsForRetag(trx);
  const compiled = compileLexicon(lexicon);
  const at = now.toISOString();
  // A text blanked by retention keeps the themes it had: its period's figures must not change.
  const kept = trx.selectFrom('theme_texts').select('id').where('text', '!=', '');
  await trx.deleteFrom('text_themes').where('origin', '=', AUTOMATIC).where('text_id', 'in', kept).execute();
  let after = '';
  let read = 0;
  for (;;) {
    const rows = await trx.selectFrom('theme_texts').select(['id', 'text']).where('id', '>', after).where('text', '!=', '').orderBy('id').limit(CHUNK * 4).execute();
    if (!rows.length) return read;
    read += rows.length;
    after = rows[rows.length - 1]!.id;
    const manual = await trx.selectFrom('text_themes').select(['text_id', 'theme_id']).where('text_id', 'in', rows.map((r) => r.id)).execute();
    const chosen = new Set(manual.map((m) => `${m.text_id} ${m.theme_id}`));
    const tags = rows.flatMap((r) =>
      tagText(compiled, r.text)
        .filter((theme) => !chosen.has(`${r.id} ${theme}`))
        .map((theme) => ({ text_id: r.id, theme_id: theme, origin: AUTOMATIC, removed: 0, changed_by: 'system', changed_at: at })),
    );
    await insertTags(trx, tags);
  }
}

export async function findThemeText(db: Kysely<Database>, id: string): Promise<ThemeTextRow | undefined> {
  return db.selectFrom('theme_texts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The themes a text carries now (removed ones left out), in no particular order. */
export async function themesOfText(db: Kysely<Database>, id: string): Promise<{ theme: string; origin: string }[]> {
  const rows = await db.selectFrom('text_themes').select(['theme_id', 'origin']).where('text_id', '=', id).where('removed', '=', 0).execute();
  return rows.map((r) => ({ theme: r.theme_id, origin: r.origin }));
}

/** Staff's choice on one text: the theme on (present) or off, kept through re-tagging. */
export async function setManualTheme(db: Kysely<Database>, textId: string, themeId: string, present: boolean, by: string, now: Date): Promise<void> {
  const values = { origin: MANUAL, removed: present ? 0 : 1, changed_by: by, changed_at: now.toISOString() };
  await db
    .insertInto('text_themes')
    .values({ text_id: textId, theme_id: themeId, ...values })
    .onConflict((oc) => oc.columns(['text_id', 'theme_id']).doUpdateSet(values))
    .execute();
}

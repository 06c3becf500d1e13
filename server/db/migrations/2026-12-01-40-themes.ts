import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Themes of free texts: the lexicon in force (one row, seeded from data/themes.vi.json at start-up),
// every suggestion and feedback text with what its figures are filed under, and each text's themes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('theme_lexicon')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  // A copy of the filter keys of the text's response or item, so figures need no join and no JSON.
  await db.schema
    .createTable('theme_texts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('official_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .addColumn('verified', 'integer', (c) => c.notNull())
    .addColumn('rated', 'integer', (c) => c.notNull())
    .addColumn('dissatisfied', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addUniqueConstraint('theme_texts_source_uq', ['source', 'source_id', 'question_id'])
    .execute();
  await db.schema.createIndex('theme_texts_survey_date').on('theme_texts').columns(['survey_id', 'local_date']).execute();

  await db.schema
    .createTable('text_themes')
    .addColumn('text_id', 'text', (c) => c.notNull())
    .addColumn('theme_id', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('text_themes_pk', ['text_id', 'theme_id'])
    .execute();
  await db.schema.createIndex('text_themes_theme').on('text_themes').columns(['theme_id', 'text_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('text_themes').execute();
  await db.schema.dropTable('theme_texts').execute();
  await db.schema.dropTable('theme_lexicon').execute();
}

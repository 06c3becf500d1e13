import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Questionnaires live in the database (issue 12): each published version says when and by whom it
// was published and whether it is retired; one draft per questionnaire is edited before it is
// published; and one catalog row carries a generation number every publish or retirement bumps,
// so that every app server can tell with one tiny read that its copy in memory is stale.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('survey_versions').addColumn('published_at', 'text').execute();
  await db.schema.alterTable('survey_versions').addColumn('published_by', 'text').execute();
  await db.schema.alterTable('survey_versions').addColumn('retired_at', 'text').execute();
  await db.updateTable('survey_versions').set((eb) => ({ published_at: eb.ref('first_seen_at') })).execute();
  await db.schema
    .createTable('survey_drafts')
    .addColumn('survey_id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('based_on', 'integer')
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('survey_catalog')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('survey_catalog').values({ id: 1, generation: 1 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_catalog').execute();
  await db.schema.dropTable('survey_drafts').execute();
  await db.schema.alterTable('survey_versions').dropColumn('retired_at').execute();
  await db.schema.alterTable('survey_versions').dropColumn('published_by').execute();
  await db.schema.alterTable('survey_versions').dropColumn('published_at').execute();
}

import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // The daily counts rolled up by month (local_date = the month's first day), so that scores over
  // long periods read a few rows per month instead of one per day.
  await db.schema
    .createTable('answer_counts_monthly')
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('official_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_counts_monthly_pk', [
      'survey_id', 'local_date', 'unit_code', 'procedure_code', 'official_code', 'channel', 'flagged', 'question_id', 'value',
    ])
    .execute();
  await sql`
    INSERT INTO answer_counts_monthly
      (survey_id, local_date, unit_code, procedure_code, official_code, channel, flagged, question_id, value, n)
    SELECT survey_id, substr(local_date, 1, 7) || '-01', unit_code, procedure_code, official_code, channel, flagged, question_id, value, SUM(n)
    FROM answer_counts
    GROUP BY survey_id, substr(local_date, 1, 7) || '-01', unit_code, procedure_code, official_code, channel, flagged, question_id, value
  `.execute(db);

  await db.schema
    .createTable('score_targets')
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('element_id', 'text', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('score_targets_pk', ['survey_id', 'element_id'])
    .execute();

  // Exports page through responses in time order (keyset on submitted_at, id).
  await db.schema.createIndex('responses_survey_submitted').on('responses').columns(['survey_id', 'submitted_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_survey_submitted').execute();
  await db.schema.dropTable('score_targets').execute();
  await db.schema.dropTable('answer_counts_monthly').execute();
}

import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Two indexes of the responses that no query reads any more, dropped because every submitted
// answer paid for them. `responses_received` (receipt time) was never read; `responses_survey_date`
// (questionnaire, Vietnam date) was made for reading a questionnaire's answers by date, which
// nothing does now: the scores read the tallies (tallies/), the exports by time read
// `responses_survey_submitted`, the kiosk devices page `responses_device`, answers by id the
// primary key; the retention purge (local_date before a cutoff) scans the table with or without
// them, as neither begins with the date.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_received').ifExists().execute();
  await db.schema.dropIndex('responses_survey_date').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('responses_survey_date').ifNotExists().on('responses').columns(['survey_id', 'local_date']).execute();
  await db.schema.createIndex('responses_received').ifNotExists().on('responses').columns(['received_at']).execute();
}

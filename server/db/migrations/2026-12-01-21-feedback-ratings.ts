import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The sender's own rating of how their item was handled (Decision 766 needs it), from the
// tracking page: satisfied | dissatisfied, and when it was given.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feedback_items').addColumn('sender_rating', 'text').execute();
  await db.schema.alterTable('feedback_items').addColumn('sender_rated_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feedback_items').dropColumn('sender_rated_at').execute();
  await db.schema.alterTable('feedback_items').dropColumn('sender_rating').execute();
}

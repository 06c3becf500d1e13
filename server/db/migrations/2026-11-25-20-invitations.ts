import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('units', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();

  // The token, the short code and the dossier number are kept only as keyed hashes; the token
  // and code can be re-derived from token_salt with the server secret (for a reprint). Times are
  // kept as Vietnam dates only, so that no invitation can be matched to a response by its time.
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_salt', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('dossier_hash', 'text', (c) => c.notNull().unique())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('official_code', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text')
    .addColumn('due_date', 'text')
    .addColumn('return_date', 'text', (c) => c.notNull())
    .addColumn('timing', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_date', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invitations_unit_created').on('invitations').columns(['unit_code', 'created_date']).execute();

  // One row per questionnaire answered through an invitation. The key is a keyed hash of
  // (invitation, questionnaire): no invitation id, no time, so nothing here points at a response.
  await db.schema
    .createTable('invitation_uses')
    .addColumn('use_key', 'text', (c) => c.primaryKey())
    .execute();

  await db.schema
    .createTable('dossier_counts')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('return_date', 'text', (c) => c.notNull())
    .addColumn('dossiers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('with_due', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('on_time', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dissatisfied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dissatisfied_not_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('dossier_counts_pk', ['unit_code', 'procedure_code', 'return_date'])
    .execute();
  await db.schema.createIndex('dossier_counts_date').on('dossier_counts').column('return_date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dossier_counts').execute();
  await db.schema.dropTable('invitation_uses').execute();
  await db.schema.dropTable('invitations').execute();
  await db.schema.dropTable('api_keys').execute();
}

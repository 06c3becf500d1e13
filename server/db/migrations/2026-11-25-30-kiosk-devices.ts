import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kiosk_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
    .addColumn('official_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('thanks_seconds', 'integer', (c) => c.notNull())
    .addColumn('idle_seconds', 'integer', (c) => c.notNull())
    .addColumn('repeat_seconds', 'integer', (c) => c.notNull())
    .addColumn('enrol_code_hash', 'text', (c) => c.unique())
    .addColumn('enrol_expires_at', 'text')
    .addColumn('credential_hash', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_seen_at', 'text')
    .addColumn('queued', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_submitted_at', 'text')
    .addColumn('previous_submitted_at', 'text')
    .execute();
  await db.schema.createIndex('kiosk_devices_unit').on('kiosk_devices').column('unit_code').execute();
  // Per-device counts on the staff devices tab (responses today, flagged).
  await db.schema.createIndex('responses_device').on('responses').columns(['device_id', 'local_date', 'flagged']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_device').execute();
  await db.schema.dropTable('kiosk_devices').execute();
}

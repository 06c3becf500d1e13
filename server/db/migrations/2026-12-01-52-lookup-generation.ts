import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// One counter that every change to what the submit path looks up moves: the organisation (units,
// procedures, officials, unit changes), the kiosk devices' identity and settings, the retention
// setting, and the questionnaire versions (a retirement refuses later answers). App servers keep those in memory and read the counter inside each batch transaction,
// so a change made on one server is seen by every other at its next batch (server/responses/
// lookups.ts). Triggers move it, so no code path that writes these tables can forget to.
//
// kiosk_devices moves it only when a column other than the submission bookkeeping (last_seen_at,
// queued, last_submitted_at, previous_submitted_at) is set: those change on every answer. A new
// device setting read on the submit path must be added to DEVICE_COLUMNS in a new migration.
const TABLES = ['units', 'procedures', 'officials', 'unit_changes', 'retention_settings', 'survey_versions'];
const DEVICE_COLUMNS = ['name', 'unit_code', 'official_code', 'thanks_seconds', 'idle_seconds', 'repeat_seconds', 'enrol_code_hash', 'enrol_expires_at', 'credential_hash', 'enrolled_at', 'revoked_at', 'survey_id', 'survey_parts'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('lookup_generation').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('n', 'bigint', (c) => c.notNull()).execute();
  await db.insertInto('lookup_generation').values({ id: 1, n: 0 }).execute();
  const bump = 'update lookup_generation set n = n + 1 where id = 1';
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw(`create function bump_lookup_generation() returns trigger language plpgsql as $$ begin ${bump}; return null; end $$`).execute(db);
    for (const table of TABLES) {
      await sql.raw(`create trigger ${table}_lookup_generation after insert or update or delete or truncate on ${table} for each statement execute function bump_lookup_generation()`).execute(db);
    }
    await sql.raw(`create trigger kiosk_devices_lookup_generation after insert or delete or update of ${DEVICE_COLUMNS.join(', ')} on kiosk_devices for each statement execute function bump_lookup_generation()`).execute(db);
    return;
  }
  for (const table of TABLES) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql.raw(`create trigger ${table}_lookup_generation_${event} after ${event} on ${table} begin ${bump}; end`).execute(db);
    }
  }
  for (const [name, event] of [['insert', 'insert'], ['delete', 'delete'], ['update', `update of ${DEVICE_COLUMNS.join(', ')}`]]) {
    await sql.raw(`create trigger kiosk_devices_lookup_generation_${name} after ${event} on kiosk_devices begin ${bump}; end`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // Dropping the table leaves the triggers failing: drop them first.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of [...TABLES, 'kiosk_devices']) await sql.raw(`drop trigger ${table}_lookup_generation on ${table}`).execute(db);
    await sql.raw('drop function bump_lookup_generation()').execute(db);
  } else {
    for (const table of [...TABLES, 'kiosk_devices']) {
      for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger ${table}_lookup_generation_${event}`).execute(db);
    }
  }
  await db.schema.dropTable('lookup_generation').execute();
}

import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // Codes are checked at the edge and kept without foreign keys, as for responses: an item must
  // outlive a unit's reorganisation.
  await db.schema
    .createTable('feedback_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('contact_sealed', 'text')
    .addColumn('contact_kind', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('assigned_unit', 'text')
    .addColumn('assigned_official', 'text')
    .addColumn('internal_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reply', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answered_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('publishable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('redactions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('feedback_items_unit_date').on('feedback_items').columns(['unit_code', 'local_date']).execute();
  await db.schema.createIndex('feedback_items_assigned').on('feedback_items').columns(['assigned_unit']).execute();
  await db.schema.createIndex('feedback_items_status').on('feedback_items').columns(['status', 'due_date']).execute();
  await db.schema.createIndex('feedback_items_published').on('feedback_items').columns(['publishable', 'published_at']).execute();

  await db.schema
    .createTable('feedback_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('feedback_items.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_events_item_seq').on('feedback_events').columns(['item_id', 'seq']).unique().execute();

  await db.schema
    .createTable('feedback_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback_settings').execute();
  await db.schema.dropTable('feedback_events').execute();
  await db.schema.dropTable('feedback_items').execute();
}

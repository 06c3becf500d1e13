import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Units and procedures can be retired (officials already could): an office's own list changes
// over time and a retired entry keeps its past responses, so rows are never deleted. Procedures
// also carry their handling period in days from the national procedure database, when known.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('procedures').addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('procedures').addColumn('handling_days', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('procedures').dropColumn('handling_days').execute();
  await db.schema.alterTable('procedures').dropColumn('active').execute();
  await db.schema.alterTable('units').dropColumn('active').execute();
}

import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The dossier counts summed by month (return_date the month's first day), kept beside the daily
// ones by the same writes (repos/dossier-counts.ts): every scores call reads a year or more of
// them for its service and Decision 766 figures, and a year of a small organisation's daily rows
// (12 units, 9 procedures: about 24,000) took most of that call's time (tests/bench/NOTES.md).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dossier_counts_monthly')
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
    .addPrimaryKeyConstraint('dossier_counts_monthly_pk', ['unit_code', 'procedure_code', 'return_date'])
    .execute();
  await db.schema.createIndex('dossier_counts_monthly_date').on('dossier_counts_monthly').column('return_date').execute();
  const counters = sql.raw(['dossiers', 'with_due', 'on_time', 'late', 'rated', 'dissatisfied', 'dissatisfied_not_late'].map((c) => `sum(${c})`).join(', '));
  await sql`insert into dossier_counts_monthly select unit_code, procedure_code, substr(return_date, 1, 7) || '-01', ${counters}
    from dossier_counts group by unit_code, procedure_code, substr(return_date, 1, 7)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dossier_counts_monthly').execute();
}

import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Cuts of the aggregate counts (server/repos/answer-count-cuts.ts): answer_counts and
// answer_counts_monthly summed over some of their dimensions, a '*' in each column summed over.
// Whole-organisation scores summed one row per combination of unit, procedure, official and
// channel seen — nearly one per response × answer; a cut has one per unit (or unit and one
// dimension) × period × answer value, however many responses there are.
const CUTS: [string, string[]][] = [
  ['org', []],
  ['official', ['unit_code', 'official_code']],
  ['channel', ['unit_code', 'channel']],
  ['procedure', ['unit_code', 'procedure_code']],
];
const DIMENSIONS = ['unit_code', 'procedure_code', 'official_code', 'channel'];
const KEY = ['survey_id', 'cut', 'local_date', 'unit_code', 'procedure_code', 'official_code', 'channel', 'flagged', 'question_id', 'value'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [table, source] of [['answer_rollups', 'answer_counts'], ['answer_rollups_monthly', 'answer_counts_monthly']] as const) {
    await db.schema
      .createTable(table)
      .addColumn('survey_id', 'text', (c) => c.notNull())
      .addColumn('cut', 'text', (c) => c.notNull())
      .addColumn('local_date', 'text', (c) => c.notNull())
      .addColumn('unit_code', 'text', (c) => c.notNull())
      .addColumn('procedure_code', 'text', (c) => c.notNull())
      .addColumn('official_code', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('flagged', 'integer', (c) => c.notNull())
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, [...KEY])
      // Only the key is looked up: one B-tree per upsert instead of a table and its index.
      .$call((b) => (postgres ? b : b.modifyEnd(sql`without rowid`)))
      .execute();
    for (const [cut, keeps] of CUTS) {
      const kept = DIMENSIONS.map((d) => (keeps.includes(d) ? d : `'*'`));
      const grouped = ['survey_id', 'local_date', ...keeps, 'flagged', 'question_id', 'value'];
      await sql
        .raw(
          `insert into ${table} (${KEY.join(', ')}, n)
           select survey_id, '${cut}', local_date, ${kept.join(', ')}, flagged, question_id, value, sum(n)
           from ${source} group by ${grouped.join(', ')} having sum(n) <> 0`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('answer_rollups_monthly').execute();
  await db.schema.dropTable('answer_rollups').execute();
}

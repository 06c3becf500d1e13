import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// One row per cut key and period holding all of its answers' counts (db/tables/answer-tallies.ts)
// instead of one row per answer value: answer_counts becomes the 'full' cut of answer_tallies,
// answer_rollups its other cuts, and the same by month. A batch of 25 answers wrote about 1,500
// aggregate rows; it now writes about 150.
const DIMENSIONS = ['unit_code', 'procedure_code', 'official_code', 'channel'];
const KEY = ['survey_id', 'cut', 'local_date', ...DIMENSIONS, 'flagged'];
const MOVES = [
  ['answer_tallies', 'answer_counts', `'full'`],
  ['answer_tallies', 'answer_rollups', 'cut'],
  ['answer_tallies_monthly', 'answer_counts_monthly', `'full'`],
  ['answer_tallies_monthly', 'answer_rollups_monthly', 'cut'],
] as const;

/** The key columns both forms of the counts share after the questionnaire (and cut). */
function periodAndDimensions(b: CreateTableBuilder<string, any>): CreateTableBuilder<string, any> {
  return b
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('official_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull());
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of ['answer_tallies', 'answer_tallies_monthly']) {
    await db.schema
      .createTable(table)
      .addColumn('survey_id', 'text', (c) => c.notNull())
      .addColumn('cut', 'text', (c) => c.notNull())
      .$call(periodAndDimensions)
      .addColumn('responses', 'integer', (c) => c.notNull())
      .addColumn('counts', postgres ? 'jsonb' : 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, KEY as never)
      // Only the key is looked up: one B-tree per upsert instead of a table and its index.
      .$call((b) => (postgres ? b : b.modifyEnd(sql`without rowid`)))
      .execute();
  }
  const answerKey = `question_id || ':' || value`;
  const counts = postgres
    ? `coalesce(jsonb_object_agg(${answerKey}, n) filter (where question_id <> '*' and n <> 0), '{}'::jsonb)`
    : `coalesce(json_group_object(${answerKey}, n) filter (where question_id <> '*' and n <> 0), '{}')`;
  for (const [into, from, cut] of MOVES) {
    const grouped = ['survey_id', ...(cut === 'cut' ? ['cut'] : []), 'local_date', ...DIMENSIONS, 'flagged'];
    await sql
      .raw(
        `insert into ${into} (${KEY.join(', ')}, responses, counts)
         select survey_id, ${cut}, local_date, ${DIMENSIONS.join(', ')}, flagged,
           sum(case when question_id = '*' then n else 0 end), ${counts}
         from ${from} group by ${grouped.join(', ')}`,
      )
      .execute(db);
  }
  for (const [, from] of MOVES) await db.schema.dropTable(from).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const answers = postgres
    ? `cross join lateral jsonb_each_text(t.counts) j`
    : `cross join json_each(t.counts) j`;
  const question = postgres ? `split_part(j.key, ':', 1)` : `substr(j.key, 1, instr(j.key, ':') - 1)`;
  const value = postgres ? `substr(j.key, strpos(j.key, ':') + 1)` : `substr(j.key, instr(j.key, ':') + 1)`;
  for (const [tally, table, cut] of MOVES) {
    const rollup = cut === 'cut';
    await db.schema
      .createTable(table)
      .ifNotExists()
      .addColumn('survey_id', 'text', (c) => c.notNull())
      .$call((b) => (rollup ? b.addColumn('cut', 'text', (c) => c.notNull()) : b))
      .$call(periodAndDimensions)
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['survey_id', ...(rollup ? ['cut'] : []), 'local_date', ...DIMENSIONS, 'flagged', 'question_id', 'value'] as never)
      .execute();
    const columns = ['survey_id', ...(rollup ? ['cut'] : []), 'local_date', ...DIMENSIONS, 'flagged'];
    const where = rollup ? `t.cut <> 'full'` : `t.cut = 'full'`;
    await sql
      .raw(
        `insert into ${table} (${columns.join(', ')}, question_id, value, n)
         select ${columns.map((c) => `t.${c}`).join(', ')}, '*', '', t.responses from ${tally} t where ${where} and t.responses <> 0
         union all
         select ${columns.map((c) => `t.${c}`).join(', ')}, ${question}, ${value}, cast(j.value as integer) from ${tally} t ${answers} where ${where}`,
      )
      .execute(db);
  }
  await db.schema.dropTable('answer_tallies_monthly').execute();
  await db.schema.dropTable('answer_tallies').execute();
}

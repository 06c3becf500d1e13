import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The 'org_procedure' cut of the monthly tallies (repos/answer-count-cuts.ts): the counts by
// procedure for the whole organisation, summed over the units. The whole organisation's scores by
// procedure read the 'procedure' cut, which keeps the unit too: at a million responses 1,869
// monthly rows, 4.9 MB of JSON, against 234 rows, 0.7 MB here (tests/bench/NOTES.md). Filled from
// the 'procedure' rows, which hold every folded answer (answers still queued are folded into every
// cut later): one row for each procedure, month and flags that some unit's row has, as the writes
// would have made it. By month only: the daily table has no such cut.
const TABLE = 'answer_tallies_monthly';
const KEY = ['survey_id', 'cut', 'local_date', 'unit_code', 'procedure_code', 'official_code', 'channel', 'flagged'];
const GROUP = ['survey_id', 'local_date', 'procedure_code', 'flagged'];

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // As the tallies' upsert merges counts (repos/answer-counts.ts): summed by answer key, sums of 0 left out.
  const [answers, count, object, empty] = postgres
    ? ['cross join lateral jsonb_each_text(t.counts) as j', 'j.value::bigint', 'jsonb_object_agg', `'{}'::jsonb`]
    : ['cross join json_each(t.counts) as j', 'j.value', 'json_group_object', `'{}'`];
  const grouped = GROUP.join(', ');
  const groupedOfT = GROUP.map((c) => `t.${c}`).join(', ');
  await sql
    .raw(
      `insert into ${TABLE} (${KEY.join(', ')}, responses, counts)
       select r.survey_id, 'org_procedure', r.local_date, '*', r.procedure_code, '*', '*', r.flagged, r.responses, coalesce(c.counts, ${empty})
       from (select ${grouped}, sum(responses) as responses from ${TABLE} where cut = 'procedure' group by ${grouped}) as r
       left join (
         select ${grouped}, ${object}(key, total) as counts from (
           select ${groupedOfT}, j.key, sum(${count}) as total
           from ${TABLE} as t ${answers} where t.cut = 'procedure'
           group by ${groupedOfT}, j.key having sum(${count}) <> 0
         ) as sums group by ${grouped}
       ) as c using (${grouped})`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom(TABLE).where('cut', '=', 'org_procedure').execute();
}

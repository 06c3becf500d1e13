// Every index of the responses costs each submitted answer a write; the table keeps only those a
// query reads (migration 2026-12-03-03-responses-unread-indexes says which reads which).
import { describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { migrateToLatest } from '../../server/db/migrate';
import * as unreadIndexes from '../../server/db/migrations/2026-12-03-03-responses-unread-indexes';
import { openDatabase } from '../../server/db/open-database';
import { dialects, dropConfig, freshConfig, type Dialect } from '../helpers/test-database';

async function responseIndexes(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'responses' and name not like 'sqlite_autoindex%'`.execute(db)
      : await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'responses' and schemaname = current_schema() and indexname <> 'responses_pkey'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

describe.each(dialects)('the indexes of the responses on %s', (dialect) => {
  it('are the ones the exports, the kiosk devices page and the resends read, and the dropped ones come back on the way down', async () => {
    const config = await freshConfig(dialect);
    const handle = openDatabase(config);
    try {
      const db = handle.db as unknown as Kysely<any>;
      await migrateToLatest(handle.db, dialect);
      const kept = ['responses_device', 'responses_survey_submitted', 'responses_unclassified'];
      expect(await responseIndexes(db, dialect)).toEqual(kept);
      await unreadIndexes.down(db);
      expect(await responseIndexes(db, dialect)).toEqual([...kept, 'responses_received', 'responses_survey_date'].sort());
      await unreadIndexes.up(db);
      expect(await responseIndexes(db, dialect)).toEqual(kept);
    } finally {
      await handle.close();
      await dropConfig(config);
    }
  });
});

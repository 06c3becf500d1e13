// The SQLite reader connection runs its statements on a thread of its own (db/sqlite-reader.ts):
// a long read must leave the server's thread free, see what the writer committed, and never write.
import { CompiledQuery, sql } from 'kysely';
import { rowArrays } from '../../server/db/sqlite-reader';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('the SQLite reader thread', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase('sqlite');
  });
  afterEach(() => t.destroy());

  it('leaves the server thread free while a long read runs', async () => {
    // Counting to three million takes SQLite a good fraction of a second; on the server's own
    // thread nothing else could run until it ended.
    const long = sql<{ n: number }>`WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3000000) SELECT count(*) AS n FROM c`.execute(t.handle.reader);
    let turned = false;
    setImmediate(() => (turned = true));
    const { rows } = await long;
    expect(rows[0]!.n).toBe(3_000_000);
    expect(turned).toBe(true);
  });

  it('sees what the writer committed, and refuses to write', async () => {
    const { db, reader } = t.handle;
    await sql`CREATE TABLE scratch (v INTEGER)`.execute(db);
    await sql`INSERT INTO scratch (v) VALUES (1), (2)`.execute(db);
    const count = async () => (await sql<{ n: number }>`SELECT count(*) AS n FROM scratch`.execute(reader)).rows[0]!.n;
    expect(await count()).toBe(2);
    await sql`INSERT INTO scratch (v) VALUES (3)`.execute(db);
    expect(await count()).toBe(3);
    await expect(sql`DELETE FROM scratch`.execute(reader)).rejects.toMatchObject({ code: 'SQLITE_READONLY' });
    // The refused statement changed nothing and left the thread working.
    expect(await count()).toBe(3);
  });

  it('sends the rows an export asks for as arrays, and the same statement\'s rows to anyone else as objects', async () => {
    // The thread keeps one prepared statement per text: asking for arrays must not leave it so.
    const { db, reader } = t.handle;
    await sql`CREATE TABLE scratch (id TEXT, v INTEGER)`.execute(db);
    await sql`INSERT INTO scratch (id, v) VALUES ('a', 1), ('b', 2)`.execute(db);
    const text = 'SELECT v, id FROM scratch WHERE v >= ? ORDER BY v';
    expect(await rowArrays(reader, CompiledQuery.raw(text, [1]))).toEqual([[1, 'a'], [2, 'b']]);
    expect((await reader.executeQuery(CompiledQuery.raw(text, [1]))).rows).toEqual([{ v: 1, id: 'a' }, { v: 2, id: 'b' }]);
    expect(await rowArrays(reader, CompiledQuery.raw(text, [2]))).toEqual([[2, 'b']]);
    // The writer's handle, on the server's own thread, gives objects only: its caller reads those.
    expect(await rowArrays(db, CompiledQuery.raw(text, [1]))).toBeUndefined();
  });

  it('answers statements sent together in the order they were sent', async () => {
    const { reader } = t.handle;
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => sql<{ v: number }>`SELECT ${i} AS v`.execute(reader)));
    expect(answers.map((a) => a.rows[0]!.v)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

// The SQLite reader's own thread (sqlite-reader.ts). Plain JavaScript, loaded by path, so that it
// runs the same from the sources (tests) and from the server's build. It owns one read-only
// connection and answers each message with the rows of one statement, in the order asked.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const SqliteDatabase = createRequire(import.meta.url)('better-sqlite3');
const sqlite = new SqliteDatabase(workerData.file, { readonly: true });
sqlite.pragma('busy_timeout = 10000');

const CACHED_STATEMENTS = 64;
const statements = new Map();

function prepared(sql) {
  let statement = statements.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    if (statements.size >= CACHED_STATEMENTS) statements.delete(statements.keys().next().value);
    statements.set(sql, statement);
  }
  return statement;
}

parentPort.on('message', ({ id, sql, parameters, arrays }) => {
  try {
    const statement = prepared(sql);
    if (statement.reader) {
      // `arrays`: each row as the array of its columns' values (sqlite-reader.ts, rowArrays).
      parentPort.postMessage({ id, rows: statement.raw(arrays === true).all(parameters) });
    } else {
      const { changes } = statement.run(parameters);
      parentPort.postMessage({ id, rows: [], changes });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: { name: error.name, message: error.message, code: error.code } });
  }
});

// The CSV export's baseline, in its own process like the export so each reports its own peak
// memory: the least a streamed export can do with the same rows. Pages of the same 2,000 rows, in
// the same keyset order, read whole with one raw prepared statement; the stored values of the
// export's columns (the answers as their stored JSON) joined by commas, waiting for the file
// stream when it is full. No cells made from the answers, no quoting.
// node --import tsx tests/bench/export-baseline-child.ts DB_FILE OUT_FILE (built, like the export)
import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { peakRssMb } from './peak-rss';

const PAGE = 2000;
const [file, out] = process.argv.slice(2) as [string, string];
const sqlite = new SqliteDatabase(file, { readonly: true });
const idleRssMb = process.memoryUsage().rss / 1048576;
const started = process.hrtime.bigint();
const where = `survey_id = 'sipas-2017' AND flagged = 0`;
const first = sqlite.prepare(`SELECT * FROM responses WHERE ${where} ORDER BY submitted_at, id LIMIT ${PAGE}`).raw();
const next = sqlite.prepare(`SELECT * FROM responses WHERE ${where} AND (submitted_at, id) > (?, ?) ORDER BY submitted_at, id LIMIT ${PAGE}`).raw();
const columns = first.columns().map((c) => c.name);
const submittedAt = columns.indexOf('submitted_at');
const id = columns.indexOf('id');
// The anonymous export's facts (response-columns.ts), then the answers.
const written = ['id', 'local_date', 'survey_version', 'unit_code', 'procedure_code', 'channel', 'flagged', 'answers'].map((c) => columns.indexOf(c));
const stream = createWriteStream(out);
stream.write(`${written.map((i) => columns[i]).join(',')}\n`);
let rows = first.all() as unknown[][];
for (;;) {
  if (!stream.write(rows.map((r) => `${written.map((i) => r[i]).join(',')}\n`).join(''))) await once(stream, 'drain');
  if (rows.length < PAGE) break;
  const last = rows[rows.length - 1]!;
  rows = next.all(last[submittedAt], last[id]) as unknown[][];
}
stream.end();
await once(stream, 'finish');
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
sqlite.close();
console.log(JSON.stringify({ seconds, peakRssMb: peakRssMb(), idleRssMb, bytes: statSync(out).size }));

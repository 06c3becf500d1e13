// Runs one export in its own process, so that the benchmark can read this process's peak memory:
// node --import tsx tests/bench/export-child.ts DB_FILE csv|xlsx OUT_FILE (the benchmark runs it
// built, as the server runs: scores.bench.ts)
// Each does what its route does (server/routes/exports.ts) but the audit line: the CSV resolves
// the filter and streams the rows, with no score report; the XLSX works out the report (by unit
// and month) and writes the workbook.
import { createWriteStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { openDatabase } from '../../server/db/open-database';
import { responsesCsv } from '../../server/exports/responses-csv';
import { localesDir, surveyDefsDir } from '../../server/paths';
import { countFilterOf } from '../../server/scores/compute-scores';
import { resolveScoreQuery } from '../../server/scores/score-query';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';
import { SurveyRegistry } from '../../server/surveys/survey-registry';
import { peakRssMb } from './peak-rss';

const [file, format, out] = process.argv.slice(2) as [string, 'csv' | 'xlsx', string];
const handle = openDatabase({ dialect: 'sqlite', file });
const surveys = new SurveyRegistry(loadSurveyDefs(surveyDefsDir));
const idleRssMb = process.memoryUsage().rss / 1048576;
const started = process.hrtime.bigint();
const deps = { db: handle.db, reader: handle.reader, surveys };
const r = await resolveScoreQuery(deps, null, { survey: 'sipas-2017', includeFlagged: false, by: format === 'xlsx' ? ['unit', 'month'] : [] });
if (format === 'csv') {
  const csv = responsesCsv(handle.reader, r.src.def, countFilterOf(r.filter, r.covered), 'anonymous');
  await pipeline(Readable.fromWeb(csv as WebReadableStream<Uint8Array>), createWriteStream(out));
} else {
  const [{ exportContext }, { scoresWorkbookSheets }, { writeWorkbook }] = await Promise.all([import('../../server/scores/score-export'), import('../../server/exports/scores-workbook'), import('../../server/exports/workbook-writer')]);
  const { ctx, counts } = await exportContext(r, localesDir, 'vi', 'anonymous');
  const stream = createWriteStream(out);
  const written = finished(stream);
  await writeWorkbook(stream, scoresWorkbookSheets(ctx, handle.reader, counts));
  await written;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await handle.close();
console.log(JSON.stringify({ seconds, peakRssMb: peakRssMb(), idleRssMb, bytes: statSync(out).size }));

// Runs one export in its own process, so that the benchmark can read this process's peak memory:
// node --import tsx tests/bench/export-child.ts DB_FILE csv|xlsx OUT_FILE
import { createWriteStream, statSync } from 'node:fs';
import { openDatabase } from '../../server/db/open-database';
import { writeExport, type ExportFormat } from '../../server/exports/export-file';
import { localesDir, surveyDefsDir } from '../../server/paths';
import { exportContext } from '../../server/scores/score-export';
import { resolveScoreQuery } from '../../server/scores/score-query';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';
import { SurveyRegistry } from '../../server/surveys/survey-registry';

const [file, format, out] = process.argv.slice(2) as [string, ExportFormat, string];
const handle = openDatabase({ dialect: 'sqlite', file });
const surveys = new SurveyRegistry(loadSurveyDefs(surveyDefsDir));
const idleRssMb = process.memoryUsage().rss / 1048576;
const started = process.hrtime.bigint();
const r = await resolveScoreQuery({ db: handle.db, reader: handle.reader, surveys }, null, { survey: 'sipas-2017', includeFlagged: false, by: format === 'xlsx' ? ['unit', 'month'] : [] });
const { ctx, counts } = await exportContext(r, localesDir, 'vi');
await writeExport(format, handle.reader, ctx, counts, createWriteStream(out));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await handle.close();
console.log(JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, idleRssMb, bytes: statSync(out).size }));

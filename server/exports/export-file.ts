// Writes a CSV or XLSX export to a Node stream (a file, stdout): the command line and the
// benchmarks use this; the HTTP routes stream the same writers to the browser.
import { finished, pipeline } from 'node:stream/promises';
import { Readable, type Writable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { ReportContext } from './report-context';
import type { CountFilter } from '../repos/score-counts';
import { responsesCsv } from './responses-csv';

export type ExportFormat = 'csv' | 'xlsx';

export async function writeExport(format: ExportFormat, reader: Kysely<Database>, ctx: ReportContext, counts: CountFilter, out: Writable): Promise<void> {
  if (format === 'csv') {
    await pipeline(Readable.fromWeb(responsesCsv(reader, ctx.def, counts, ctx.rawRows) as WebReadableStream<Uint8Array>), out);
    return;
  }
  // Loaded only for a workbook: exceljs alone adds about 22 MB to the process's idle memory.
  const [{ scoresWorkbookSheets }, { writeWorkbook }] = await Promise.all([import('./scores-workbook'), import('./workbook-writer')]);
  const done = finished(out);
  await writeWorkbook(out, scoresWorkbookSheets(ctx, reader, counts));
  await done;
}

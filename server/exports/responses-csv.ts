// The raw responses as a CSV stream: a page of rows is read only when the consumer wants more (and
// the next one meanwhile), on the reader connection, so memory stays flat and submissions are
// never held up.
import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { Database } from '../db/database';
import { exportPages, type ExportRow } from '../repos/response-pages';
import type { CountFilter } from '../repos/score-counts';
import { csvLine, UTF8_BOM } from './csv-cells';
import type { RawRows } from './raw-rows';
import { PageBytes } from './page-bytes';
import { responseColumns, responseCsvLines } from './response-columns';

// Rows read at a time: pages of 500 leave the heap about 10 MB smaller than pages of 2,000 (fewer
// rows live through a young-generation collection), for one more indexed seek every 500 rows.
const PAGE = 500;

/** A UTF-8 CSV (with BOM) of every response matching the filter, oldest first. */
export function responsesCsv(reader: Kysely<Database>, def: SurveyDefinition, filter: CountFilter, rows: RawRows = 'anonymous'): ReadableStream<Uint8Array> {
  const columns = responseColumns(def, rows);
  const line = responseCsvLines(columns);
  const bytes = new PageBytes();
  let pages: AsyncGenerator<ExportRow[]> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        bytes.add(UTF8_BOM + csvLine(columns.map((c) => c.header)));
        controller.enqueue(bytes.take());
      },
      async pull(controller) {
        pages ??= exportPages(reader, filter, PAGE);
        const page = await pages.next();
        if (page.done) return controller.close();
        for (const row of page.value) bytes.add(line(row));
        controller.enqueue(bytes.take());
      },
      async cancel() {
        await pages?.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

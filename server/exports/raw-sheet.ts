// The raw responses, page by page from the reader connection; a sheet holds at most a million
// rows (Excel's limit is 1,048,576), so larger exports continue on further sheets.
import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { Database } from '../db/database';
import { forEachResponsePage } from '../repos/response-pages';
import type { CountFilter } from '../repos/score-counts';
import type { RawRows } from './raw-rows';
import { responseCells, responseColumns } from './response-columns';
import type { SheetWriter } from './workbook-writer';

export const ROWS_PER_SHEET = 1_000_000;

export function rawResponsesSheet(reader: Kysely<Database>, def: SurveyDefinition, filter: CountFilter, title: string, rows: RawRows = 'anonymous', rowsPerSheet = ROWS_PER_SHEET): SheetWriter {
  return async (book) => {
    const columns = responseColumns(def, rows);
    let sheets = 0;
    let rowsInSheet = rowsPerSheet;
    let sheet = book.add(title);
    const start = () => {
      if (sheets > 0) sheet = book.add(`${title} (${sheets + 1})`);
      sheets += 1;
      rowsInSheet = 0;
      const header = sheet.addRow(columns.map((c) => c.header));
      header.font = { bold: true };
      header.commit();
    };
    start();
    await forEachResponsePage(reader, filter, async (rows) => {
      for (const row of rows) {
        if (rowsInSheet === rowsPerSheet) start();
        sheet.addRow(responseCells(columns, row)).commit();
        rowsInSheet += 1;
      }
      await book.room(sheet);
    });
  };
}

// The raw responses, page by page from the reader connection; a sheet holds at most a million
// rows (Excel's limit is 1,048,576), so larger exports continue on further sheets. Each sheet has
// the title block and two header rows (the question, then its code), repeated on every page.
import type { Worksheet } from 'exceljs';
import type { Kysely } from 'kysely';
import { listCriteria } from '../../survey-defs/criteria';
import type { Database } from '../db/database';
import { forEachExportPage } from '../repos/response-pages';
import type { CountFilter } from '../repos/score-counts';
import { answerValues } from './answer-cells';
import { xlsxResponseColumns } from './raw-columns-xlsx';
import { localized, type ReportContext } from './report-context';
import { answerIdsOf, responseColumns } from './response-columns';
import { rowXmlWriter, type RowXmlWriter } from './row-xml';
import { headerHeight, printOptions, tableRow } from './sheet-print';
import { headerRowAfter, titleLines, writeTitleBlock } from './title-block';
import type { SheetWriter } from './workbook-writer';

export const ROWS_PER_SHEET = 1_000_000;
const ROOM_EVERY = 500;
// Rows read at a time. A page of 2,000 outlived a few young-generation collections while its XML
// was made and went to the old generation: the heap grew by about 90 MB, against 35 MB with 500.
const PAGE = 500;

export function rawResponsesSheet(reader: Kysely<Database>, ctx: ReportContext, filter: CountFilter, title: string, rowsPerSheet = ROWS_PER_SHEET): SheetWriter {
  return async (book) => {
    const { def, t, lang } = ctx;
    const plain = responseColumns(def, ctx.rawRows);
    const columns = xlsxResponseColumns(ctx, plain);
    const answersOf = answerValues(answerIdsOf(plain));
    const scale = def.scales[listCriteria(def)[0]?.scale ?? '']?.levels ?? [];
    const legend = t('raw.legend', { levels: scale.map((l) => `${l.value} = ${localized(l.label, lang)}`).join('; ') });
    const lines = titleLines(ctx, t('raw.heading'), [legend]);
    const headerRow = headerRowAfter(lines);
    const headers = columns.map((c) => c.header);
    const widths = columns.map((c) => c.width);
    const sharedColumns = new Set(columns.flatMap((c, i) => (c.shared ? [i + 1] : [])));
    let sheets = 0;
    let rowsInSheet = rowsPerSheet;
    let sheet: Worksheet | undefined;
    let rowsXml: RowXmlWriter | undefined;
    const start = () => {
      rowsXml?.flush();
      sheets += 1;
      // Only data rows count toward the limit; the block and header rows come on top.
      sheet = book.add(sheets > 1 ? `${title} (${sheets})` : title, printOptions({ landscape: true, headerRow, headerRows: 2, freezeColumns: 1, gridLines: true }));
      sheet.columns = columns.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
      rowsInSheet = 0;
      writeTitleBlock(sheet, lines, Math.min(columns.length, 12));
      tableRow(sheet, headers, headers.length, { kind: 'header', height: headerHeight(headers, widths) });
      tableRow(sheet, columns.map((c) => c.source), columns.length, { kind: 'header' });
      rowsXml = rowXmlWriter(sheet, sharedColumns);
    };
    await forEachExportPage(reader, filter, async (rows) => {
      for (const row of rows) {
        if (rowsInSheet === rowsPerSheet) start();
        const answers = answersOf(row.answers);
        rowsXml!.add(columns.map((c) => c.value(row, answers)));
        rowsInSheet += 1;
        // 500 rows are about 800 KB of XML: wait for room that often, whatever the page size.
        if (rowsInSheet % ROOM_EVERY === 0) await book.room(sheet!);
      }
      rowsXml?.flush();
      if (sheet) await book.room(sheet);
    }, PAGE);
    if (sheets === 0) start();
  };
}

// A streamed XLSX built from a list of sheet writers, so a feature adds a sheet by adding one
// function to the list. Rows are flushed as they are written: memory stays flat for any size.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface WorkbookSheets {
  /**
   * Adds a sheet, committing the one before: sheets are written one after the other. Page setup
   * and frozen panes go in `options` (see sheet-print.ts): exceljs writes them as the sheet opens.
   */
  add(name: string, options?: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet;
  /** Resolves when the file has room for more rows: call it every few hundred rows. */
  room(sheet: ExcelJS.Worksheet): Promise<void>;
}

export type SheetWriter = (book: WorkbookSheets) => Promise<void> | void;

// Bytes of sheet XML waiting for the deflate: enough to keep it busy, little to hold.
const BACKLOG = 2 << 20;

/** Writes the sheets in order to `out` as one XLSX file. */
export async function writeWorkbook(out: Writable, sheets: readonly SheetWriter[]): Promise<void> {
  // Fast compression: a large export is dominated by deflate time, and the file is still ~10× smaller.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  skipDefaultStyles(book);
  let current: ExcelJS.Worksheet | undefined;
  const commit = () => (current as unknown as { commit(): void } | undefined)?.commit();
  for (const write of sheets) {
    await write({
      add(name, options) {
        commit();
        current = book.addWorksheet(name, options);
        return current;
      },
      async room(sheet) {
        // exceljs ignores backpressure: wait for its zip entry, then for our output, to drain.
        const entry = (sheet as unknown as { _stream?: { pipes?: { _writableState?: { length: number } }[] } })._stream?.pipes?.[0];
        while (entry?._writableState && entry._writableState.length > BACKLOG) await once(entry as unknown as NodeJS.EventEmitter, 'drain');
        if (out.writableNeedDrain) await once(out, 'drain');
      },
    });
  }
  commit();
  await book.commit();
}

/**
 * exceljs works out a style for every cell, even an unstyled one, which triples the time of a
 * large export. An unstyled cell that is not a date always gets the default style (0): answer that
 * at once and leave styled cells (headings, formats) to exceljs. The output is byte for byte the same.
 */
function skipDefaultStyles(book: ExcelJS.stream.xlsx.WorkbookWriter): void {
  type Styles = { addStyleModel(model: object | undefined, type?: number): number };
  const styles = (book as unknown as { styles: Styles }).styles;
  const add = styles.addStyleModel.bind(styles);
  styles.addStyleModel = (model, type) => (model && type !== ExcelJS.ValueType.Date && Object.keys(model).length === 0 ? 0 : add(model, type));
}


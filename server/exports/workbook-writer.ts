// A streamed XLSX built from a list of sheet writers, so a feature adds a sheet by adding one
// function to the list. Rows are flushed as they are written: memory stays flat for any size.
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { PassThrough, type Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { ZipWriter, type ZipEntryStream } from './zip-writer';

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

// Only the streaming writer, not all of exceljs (its readers, CSV and zip libraries): 11 MB less.
const require = createRequire(import.meta.url);
const WorkbookWriter = require('exceljs/lib/stream/xlsx/workbook-writer') as typeof ExcelJS.stream.xlsx.WorkbookWriter;
const { ValueType } = require('exceljs/lib/doc/enums') as typeof ExcelJS;

// Bytes of sheet XML waiting for the deflate: enough to keep it busy, little to hold.
const BACKLOG = 1 << 20;
// Fast compression: a large export is dominated by deflate time, and the file is still ~7× smaller.
const LEVEL = 1;

/** Writes the sheets in order to `out` as one XLSX file. */
export async function writeWorkbook(out: Writable, sheets: readonly SheetWriter[]): Promise<void> {
  const book = new WorkbookWriter({ stream: new PassThrough(), useStyles: true, useSharedStrings: false });
  zipWith(book, new ZipWriter(out, LEVEL));
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
        // exceljs ignores backpressure: wait for the sheet's zip entry (which waits for `out`).
        const entry = (sheet as unknown as { _stream?: ZipEntryStream })._stream;
        // Failed (the download was cancelled): stop reading rows for it.
        if (entry?.errored) throw entry.errored;
        if (entry?.writableNeedDrain) await once(entry, 'drain');
      },
    });
  }
  commit();
  await book.commit();
}

/** What exceljs's WorkbookWriter does with its zip (an archiver) and its sheets' streams. */
interface ZipInternals {
  zip: { append(data: string | Buffer, options: { name: string; base64?: boolean }): void; file(): void; finalize(): void; on(): void };
  promise: Promise<unknown>;
  _openStream(path: string): ZipEntryStream;
  _finalize(): Promise<void>;
  addThemes(): Promise<void>;
  addOfficeRels(): Promise<void>;
}

/**
 * Gives `book` our ZipWriter instead of archiver: each sheet's XML goes straight from its writes to
 * the deflate, with backpressure, where exceljs copied it into 64 KB buffers of its own first.
 * The archiver exceljs made (writing into a stream nobody reads) is left unused; its two first
 * parts are added again here.
 */
function zipWith(book: ExcelJS.stream.xlsx.WorkbookWriter, zip: ZipWriter): void {
  const internals = book as unknown as ZipInternals;
  const keep = (added: Promise<void>) => void added.catch(() => undefined); // zip.finish() throws it
  internals.zip = {
    append: (data, { name, base64 }) => keep(zip.add(name, base64 && typeof data === 'string' ? Buffer.from(data, 'base64') : data)),
    file: () => { throw new Error('writeWorkbook: files from disk (images) are not supported'); },
    finalize: () => undefined,
    on: () => undefined,
  };
  internals._openStream = (path) => {
    const entry = zip.stream(path, BACKLOG);
    entry.on('finish', () => entry.emit('zipped'));
    return entry;
  };
  internals._finalize = () => zip.finish();
  internals.promise = Promise.all([internals.addThemes(), internals.addOfficeRels()]);
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
  styles.addStyleModel = (model, type) => (model && type !== ValueType.Date && Object.keys(model).length === 0 ? 0 : add(model, type));
}


// The rows of a long data sheet written as sheet XML directly, what exceljs writes for a plain row
// of plain values, without the Row and Cell objects it makes for every cell: at a million responses
// those objects were two thirds of an XLSX export's time and most of its garbage. Styles still come
// from exceljs (a column's number format, a date's default), asked once per column and kind of value.
//
// One difference: a cell right after one with a value in its row has no reference (`r="B7"`). The
// format makes it optional (ECMA-376 Part 1, 18.3.1.4: such a cell is the next column), and Excel
// and LibreOffice read it so. Every reference holds the row's number, which the deflate cannot
// match from one row to the next: without them a million responses' file is 113 MB instead of 241,
// and is written about a sixth faster (tests/bench/NOTES.md). A row's first cell keeps its
// reference (exceljs's own reader needs it), and so does a cell after a gap or after an empty cell.
// Checked against exceljs's own output and read back by exceljs in tests/unit/row-xml.test.ts, and
// read by LibreOffice in tests/e2e/xlsx-cells-libreoffice.test.ts.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { columnLetter } from './sheet-print';

export type PlainValue = string | number | Date | null | undefined;

/** The most bytes of rows held before they go to the sheet's stream. */
const CHUNK = 256 << 10;

const { dateToExcel, xmlEncode } = createRequire(import.meta.url)('exceljs/lib/utils/utils') as {
  dateToExcel(d: Date, date1904?: boolean): number;
  xmlEncode(text: string): string;
};

/** exceljs's value types (ExcelJS.ValueType) of the values a plain row holds. */
const NULL = 0;
const NUMBER = 2;
const STRING = 3;
const DATE = 4;
type Kind = typeof NULL | typeof NUMBER | typeof STRING | typeof DATE;

interface StyleSource {
  addStyleModel(model: object | undefined, type?: number): number;
}

/** exceljs's table of shared strings (utils/shared-strings.js): written as the workbook commits. */
interface SharedStrings {
  add(value: string): number;
}

/** The parts of exceljs's streaming sheet this writes around. */
interface SheetInternals {
  _workbook: { styles: StyleSource; sharedStrings: SharedStrings };
  _rows: unknown[] | null;
  _rowZero: number;
  startedData: boolean;
  /** The sheet's zip entry (zip-writer.ts): calls back once it is done with a chunk. */
  stream: { write(data: Buffer, callback: () => void): void };
  getColumn(c: number): { style?: Partial<ExcelJS.Style> };
}

/** A new cell's style in an unstyled row: its column's, as exceljs's Cell._mergeStyle makes it. */
function cellStyle(column: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  for (const key of ['numFmt', 'font', 'alignment', 'border', 'fill', 'protection'] as const) {
    if (column[key]) (style as Record<string, unknown>)[key] = column[key];
  }
  return style;
}

export interface RowXmlWriter {
  /** Adds one row of values (column 1 first) to the pending XML. */
  add(values: readonly PlainValue[]): void;
  /** Writes the pending rows to the sheet. */
  flush(): void;
}

/**
 * Rows for `sheet`, after every row added the exceljs way has been committed; the sheet's later
 * rows (none, for a data sheet) and its commit carry on from the last row written here.
 *
 * A text in one of the `shared` columns (numbered from 1) goes to the workbook's shared strings
 * and the cell holds its number (`t="s"`), as Excel itself writes text: for the few names a column
 * repeats (units, procedures, answer labels) each row then carries a few digits instead of the
 * name, in Vietnamese, whose every letter beyond ASCII made the whole row's XML twice as long to
 * hold and slower to encode (tests/bench/NOTES.md). A column of texts that rarely repeat (ids,
 * suggestions) keeps them in the cell: shared, every one would be held until the workbook ends.
 */
export function rowXmlWriter(sheet: ExcelJS.Worksheet, shared: ReadonlySet<number> = new Set()): RowXmlWriter {
  const internals = sheet as unknown as SheetInternals;
  const styles = internals._workbook.styles;
  const sharedStrings = internals._workbook.sharedStrings;
  const sharedColumn: boolean[] = [];
  for (const col of shared) sharedColumn[col] = true;
  // Per shared column, every text it has had and its number (null: XML can hold none of the text).
  // An answer's label changes from row to row: asked of exceljs's table each time, and the number
  // written out again, it cost nearly every such cell a look-up and a new string.
  const known: Map<string, string | null>[] = [];
  /** The text's number in the shared strings; undefined for a text XML cannot hold any of (it stays in its cell, as nothing). */
  const sharedIndex = (col: number, text: string): string | undefined => {
    const texts = (known[col] ??= new Map());
    let index = texts.get(text);
    if (index === undefined) texts.set(text, (index = xmlEncode(text) === '' ? null : String(sharedStrings.add(text))));
    return index ?? undefined;
  };
  const styleIds: (number | undefined)[][] = [];
  // A new row's style is {} (exceljs's Row); the style id exceljs finds for it is the same for all.
  const rowStyle = styles.addStyleModel({});
  const rowAttributes = `${rowStyle ? ` s="${rowStyle}" customFormat="1"` : ''} x14ac:dyDescent="0.25"`;
  const styleOf = (col: number, kind: Kind) => {
    const byKind = (styleIds[col] ??= []);
    let id = byKind[kind];
    if (id === undefined) {
      byKind[kind] = id = styles.addStyleModel(cellStyle(internals.getColumn(col).style ?? {}), kind);
    }
    return id;
  };
  // Each row goes to bytes at once, so its strings die young: a page of rows held as strings
  // (a rope of a few hundred thousand pieces) outlived the young generation and tripled the
  // garbage collector's time. The bytes go on to the sheet in pieces of at most CHUNK, and each
  // piece's buffer is used again once the zip is done with it: a fresh one for every piece was
  // tens of megabytes of buffers waiting for the garbage collector.
  const spare: Buffer[] = [];
  let bytes: Buffer = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  let written = 0;
  const send = () => {
    if (!used) return;
    const sent = bytes;
    internals.stream.write(sent.subarray(0, used), () => {
      if (sent.length === CHUNK) spare.push(sent);
    });
    bytes = spare.pop() ?? Buffer.allocUnsafe(CHUNK);
    used = 0;
  };
  const append = (text: string) => {
    // Three bytes per UTF-16 unit at most.
    if (used + 3 * text.length > bytes.length) {
      send();
      if (3 * text.length > bytes.length) bytes = Buffer.allocUnsafe(3 * text.length);
    }
    used += bytes.write(text, used);
  };

  // Per column, a cell's reference before its row number; per column and kind of value, the XML
  // between the reference and the value (or the whole rest of an empty cell). A number is written
  // as String() gives it, which holds nothing to escape (exceljs ran it through xmlEncode all the same).
  const opens: string[] = [];
  const mids: (string | undefined)[][] = [];
  const midOf = (col: number, kind: Kind): string => {
    const style = styleOf(col, kind);
    const s = style ? ` s="${style}"` : '';
    return ((mids[col] ??= [])[kind] = kind === NULL ? (style ? `${s}/>` : '') : kind === STRING ? `${s} t="str"><v>` : `${s}><v>`);
  };
  /** Per shared column, the XML between a text cell's reference and its shared string's number. */
  const sharedMids: string[] = [];
  const sharedMidOf = (col: number): string => {
    const style = styleOf(col, STRING);
    return (sharedMids[col] = `${style ? ` s="${style}"` : ''} t="s"><v>`);
  };

  /** A cell's opening: its reference, unless it is the column after `last` (a row's first cell has one). */
  const reference = (col: number, last: number, row: number) => (last && col === last + 1 ? '<c' : `${(opens[col] ??= `<c r="${columnLetter(col)}`)}${row}"`);

  return {
    add(values) {
      if (internals._rows === null || internals._rows.length) throw new Error('rowXmlWriter: rows added the exceljs way are still uncommitted');
      if (!internals.startedData) throw new Error('rowXmlWriter: the sheet has no committed row yet');
      const number = internals._rowZero + written;
      written += 1;
      let cells = '';
      let min = 0;
      let max = 0;
      let hasValues = false;
      // The column of the last cell written with a value: the next column's cell needs no reference.
      // After an empty cell (an empty text, or a style alone) the next keeps its reference: exceljs's
      // reader drops such a cell and would put the next one in its place.
      let last = 0;
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        // exceljs leaves out an undefined value; a null is a cell (it counts in the span).
        if (value === undefined) continue;
        const col = i + 1;
        if (!min) min = col;
        max = col;
        const kind: Kind = value === null ? NULL : typeof value === 'number' ? NUMBER : typeof value === 'string' ? STRING : DATE;
        const mid = mids[col]?.[kind] ?? midOf(col, kind);
        if (kind === NULL) {
          // An empty cell without a style is written as nothing at all: a gap.
          if (mid) cells += reference(col, last, number) + mid;
          continue;
        }
        hasValues = true;
        // A text XML cannot hold any of (an empty one too) is written in its cell, shared column or not.
        const index = kind === STRING && sharedColumn[col] ? sharedIndex(col, value as string) : undefined;
        if (index !== undefined) {
          cells += reference(col, last, number) + (sharedMids[col] ?? sharedMidOf(col)) + index + '</v></c>';
          last = col;
          continue;
        }
        const text = kind === STRING ? xmlEncode(value as string) : kind === NUMBER ? String(value) : String(dateToExcel(value as Date));
        cells += reference(col, last, number) + mid + text + '</v></c>';
        if (text !== '') last = col;
      }
      // exceljs writes no element for a row without a value (and without a height), but counts it.
      if (!hasValues) return;
      const open = `<row r="${number}" spans="${min}:${max}"${rowAttributes}`;
      append(cells ? `${open}>${cells}</row>` : `${open}/>`);
    },
    flush() {
      send();
      internals._rowZero += written;
      written = 0;
    },
  };
}

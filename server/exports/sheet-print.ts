// How every sheet prints: A4, landscape when wide, one page wide and as many pages long as it
// takes, the header rows repeated on each page and frozen on screen, page numbers in the footer,
// and thin borders round the table cells. Page setup and frozen panes are written when a sheet
// opens (exceljs streams it), so they are chosen before its first row.
import type ExcelJS from 'exceljs';

export interface PrintLayout {
  /** Wide tables print across the page. */
  landscape: boolean;
  /** The first header row of the table (below the title block). */
  headerRow: number;
  /** How many header rows repeat on each printed page and stay in view (default 1; 0 for a sheet of several tables). */
  headerRows?: number;
  /** Columns kept in view when scrolling right (names, codes). */
  freezeColumns?: number;
  /** Print the grid: for a long data sheet, where bordering every cell would slow a large export. */
  gridLines?: boolean;
}

/** Excel's paper size code for A4. */
export const A4 = 9;
/** Percentages are written as fractions with this format, so Excel shows 85,23% and can compute with it. */
export const PERCENT = '0.00%';
export const DECIMAL = '0.00';
export const DATE = 'dd/mm/yyyy';
export const DATE_TIME = 'dd/mm/yyyy hh:mm';

/** A percentage (85.23) as the fraction a percent-formatted cell holds (0.8523); null stays empty. */
export const fraction = (percent: number | null | undefined): number | null => (percent === null || percent === undefined ? null : Math.round(percent * 100) / 10_000);

export function printOptions(layout: PrintLayout): Partial<ExcelJS.AddWorksheetOptions> {
  const rows = layout.headerRows ?? 1;
  const last = layout.headerRow + rows - 1;
  return {
    pageSetup: {
      paperSize: A4,
      orientation: layout.landscape ? 'landscape' : 'portrait',
      // fitToPage must be on for fitToWidth to count; fitToHeight 0 = as many pages as needed.
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(rows > 0 ? { printTitlesRow: `${layout.headerRow}:${last}` } : {}),
      horizontalCentered: true,
      showGridLines: layout.gridLines ?? false,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&L&A&RTrang &P/&N', evenFooter: '&L&A&RTrang &P/&N' },
    views: rows === 0 ? [] : [{ state: 'frozen', xSplit: layout.freezeColumns ?? 0, ySplit: last, topLeftCell: `${columnLetter((layout.freezeColumns ?? 0) + 1)}${last + 1}`, activeCell: 'A1' }],
  } as Partial<ExcelJS.AddWorksheetOptions>;
}

/** A, B, … Z, AA … for a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF606060' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } };

export type CellValue = string | number | Date | null | undefined;

export interface RowStyle {
  /** header: bold, shaded, wrapped, centred; group: bold and lightly shaded (an element's row). */
  kind?: 'header' | 'group' | 'body';
  /** Height in points, for wrapped header text. */
  height?: number;
  /** Number formats by 1-based column (PERCENT, DECIMAL, DATE …). */
  formats?: Readonly<Record<number, string>>;
  /** Wrap every cell (default: only the name column, the second). */
  wrap?: boolean;
}

/** Adds one bordered table row of `width` cells and commits it. */
export function tableRow(sheet: ExcelJS.Worksheet, values: readonly CellValue[], width: number, style: RowStyle = {}): void {
  const row = sheet.addRow([...values]);
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.border = BORDER;
    if (style.kind === 'header') {
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    } else {
      if (style.kind === 'group') {
        cell.font = { bold: true };
        cell.fill = GROUP_FILL;
      }
      cell.alignment = { vertical: 'top', wrapText: style.wrap || c === 2 };
      const format = style.formats?.[c];
      if (format) cell.numFmt = format;
    }
  }
  const height = style.height ?? wrappedHeight(sheet, values, style.wrap ? width : 2, style.wrap ? 1 : 2);
  if (height) row.height = height;
  row.commit();
}

/**
 * Spreadsheet programs do not grow a row for wrapped text when they open a file, so a row gets the
 * height its longest wrapped cell needs (from column `from` to `to`); undefined for one line.
 */
function wrappedHeight(sheet: ExcelJS.Worksheet, values: readonly CellValue[], to: number, from: number): number | undefined {
  let lines = 1;
  for (let c = from; c <= to; c++) {
    const v = values[c - 1];
    if (typeof v !== 'string') continue;
    const perLine = Math.max(4, (sheet.getColumn(c).width ?? 10) * 1.1);
    lines = Math.max(lines, Math.ceil(v.length / perLine));
  }
  return lines > 1 ? Math.min(120, 15 * lines + 2) : undefined;
}

/** A plain row (a note, a blank line) that is not part of a table. */
export function textRow(sheet: ExcelJS.Worksheet, values: readonly CellValue[] = [], bold = false): void {
  const row = sheet.addRow([...values]);
  if (bold) row.font = { bold: true };
  row.commit();
}

/** A note under a table: merged across its width and wrapped, so a long sentence prints whole. */
export function noteRow(sheet: ExcelJS.Worksheet, text: string, width: number, bold = false): void {
  const row = sheet.addRow([text]);
  row.font = { bold, italic: !bold };
  row.alignment = { wrapText: true, vertical: 'top' };
  let chars = 0;
  for (let c = 1; c <= width; c++) chars += (sheet.getColumn(c).width ?? 10) * 1.1;
  row.height = Math.min(160, 15 * Math.max(1, Math.ceil(text.length / Math.max(20, chars))) + 2);
  if (width > 1) sheet.mergeCells(`A${row.number}:${columnLetter(width)}${row.number}`);
  row.commit();
}

/** A header row tall enough for its longest label wrapped in its column (about 1.1 characters per width unit). */
export function headerHeight(labels: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...labels.map((l, i) => Math.ceil(l.length / Math.max(4, (widths[i] ?? 10) * 1.1))));
  return Math.min(120, 15 * lines + 4);
}

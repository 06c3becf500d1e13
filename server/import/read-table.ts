// A table an office hands us, as rows of text cells with the line people see in their editor or
// spreadsheet: a CSV in any encoding decodeText knows, or an Excel workbook (its first sheet).
import type ExcelJS from 'exceljs';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv-parse';
import { decodeText, UndecodableText, type TextEncoding } from './decode-text';

export interface TableFile {
  records: CsvRecord[];
  /** How it was read: the text encoding, or xlsx. */
  format: TextEncoding | 'xlsx';
}

/** The file cannot be read as a table at all; the message names the line where it can. */
export class TableFileError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
export const isWorkbook = (bytes: Uint8Array, fileName: string) => /\.xlsx$/i.test(fileName) || ZIP_MAGIC.every((b, i) => bytes[i] === b);

export async function readTableFile(bytes: Uint8Array, fileName: string): Promise<TableFile> {
  if (/\.xls$/i.test(fileName)) throw new TableFileError('an old Excel 97–2003 .xls file: save it as an Excel workbook (.xlsx) or as "CSV UTF-8"');
  if (isWorkbook(bytes, fileName)) return { records: await workbookRecords(bytes), format: 'xlsx' };
  try {
    const { text, encoding } = decodeText(bytes);
    return { records: parseCsv(text), format: encoding };
  } catch (error) {
    if (error instanceof UndecodableText || error instanceof CsvSyntaxError) throw new TableFileError(error.message);
    throw error;
  }
}

async function workbookRecords(bytes: Uint8Array): Promise<CsvRecord[]> {
  const sheet = (await loadWorkbook(bytes)).worksheets[0];
  if (!sheet) throw new TableFileError('the workbook has no sheet');
  return sheetRecords(sheet);
}

/** Opens an .xlsx; throws TableFileError when it is not one. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new TableFileError(`not a readable Excel workbook (${(error as Error).message})`);
  }
  return workbook;
}

/** The non-blank rows of a sheet as text cells, with their row numbers, as wide as the header. */
export function sheetRecords(sheet: ExcelJS.Worksheet): CsvRecord[] {
  const width = sheet.columnCount;
  const records: CsvRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    if (cells.some((c) => c !== '')) records.push({ line, cells });
  });
  // Columns past the header's last name hold nothing a row needs; trailing blanks are not cells.
  const columns = records[0]?.cells.findLastIndex((c) => c !== '') ?? -1;
  for (const record of records) {
    const last = record.cells.findLastIndex((c) => c !== '');
    record.cells = record.cells.slice(0, Math.max(columns, last) + 1);
    while (record.cells.length < columns + 1) record.cells.push('');
  }
  return records;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a person sees: dates as ISO (Excel keeps wall-clock time), formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = value.getUTCHours() || value.getUTCMinutes() ? `T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : '';
    return date + time;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('').normalize('NFC');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in value) return String((value as { text?: unknown }).text ?? '').normalize('NFC');
  if ('error' in value) return String(value.error);
  return '';
}

// A workbook whose sheets are told apart by name (the organisation workbook: units, procedures,
// officials), each read as readTableFile reads a first sheet.
import type { CsvRecord } from './csv-parse';
import { loadWorkbook, sheetRecords } from './read-table';

/** The records of each sheet, by sheet name (NFC), in workbook order. Throws TableFileError. */
export async function readWorkbookSheets(bytes: Uint8Array): Promise<Map<string, CsvRecord[]>> {
  const workbook = await loadWorkbook(bytes);
  return new Map(workbook.worksheets.map((sheet) => [sheet.name.normalize('NFC').trim(), sheetRecords(sheet)]));
}

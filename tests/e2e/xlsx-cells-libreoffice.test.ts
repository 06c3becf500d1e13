// The raw-responses sheet's rows are written by row-xml.ts, which leaves out the reference of a
// cell that follows the one before it. A real spreadsheet program must read every value in its
// column all the same, and the texts of the columns it writes as shared strings: LibreOffice
// converts such a sheet to CSV, and the cells are compared.
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { rowXmlWriter, type PlainValue } from '../../server/exports/row-xml';
import { tableRow } from '../../server/exports/sheet-print';
import { writeWorkbook } from '../../server/exports/workbook-writer';
import { convertWithLibreOffice } from '../helpers/libreoffice';

describe('LibreOffice reading rows written without implied cell references', () => {
  it('finds every value in its own column, after gaps, empty texts and long rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sipas-cells-'));
    const rows: PlainValue[][] = [
      ['e8317fd3-5bd3-4e08-8a93-352e5065edab', 'MC-Q1', 5, 4, 'Nên có thêm ghế, "to" <gấp>; nhé', 'HT-01'],
      ['a', undefined, undefined, 3, null, 'sau hai ô trống'],
      [undefined, 'b', 2, null, undefined, 1.5],
      ['chỉ một ô'],
      ['x', '', 0, undefined, 'y', undefined, undefined, undefined, undefined, undefined, undefined, 'cột L'],
      ['again', 'MC-Q1', 1, 2, 'z', 'HT-01'],
    ];
    const file = join(dir, 'cells.xlsx');
    const out = createWriteStream(file);
    await writeWorkbook(out, [
      (book) => {
        const sheet = book.add('Phiếu');
        tableRow(sheet, ['id', 'đơn vị', 'q1', 'q2', 'ý kiến', 'mã'], 6, { kind: 'header' });
        // Columns B and F in the shared strings, as the raw sheet writes names and codes.
        const writer = rowXmlWriter(sheet, new Set([2, 6]));
        for (const row of rows) writer.add(row);
        writer.flush();
      },
    ]);
    await finished(out);
    // 44 = comma, 34 = double quote, 76 = UTF-8.
    await convertWithLibreOffice(file, 'csv:Text - txt - csv (StarCalc):44,34,76', dir);
    const lines = readFileSync(join(dir, 'cells.csv'), 'utf8').split(/\r?\n/).filter((l) => l !== '');
    // A cell as LibreOffice's CSV filter writes it (quoted only when it must be).
    const asLibreOfficeCsv = (v: PlainValue) => (v === undefined || v === null ? '' : typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v));
    const width = Math.max(6, ...rows.map((r) => r.length));
    const expected = [['id', 'đơn vị', 'q1', 'q2', 'ý kiến', 'mã'], ...rows].map((r) => Array.from({ length: width }, (_, i) => asLibreOfficeCsv(r[i])).join(','));
    expect(lines).toEqual(expected);
    rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});

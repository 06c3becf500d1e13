// The raw-responses sheet writes its rows as XML itself (row-xml.ts) instead of through exceljs's
// Row and Cell objects. Whatever the values, the file must be exceljs's own, byte for byte, or
// a spreadsheet could read a different figure or date.
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { rowXmlWriter, type PlainValue } from '../../server/exports/row-xml';
import { DATE, DATE_TIME, tableRow } from '../../server/exports/sheet-print';
import { writeWorkbook } from '../../server/exports/workbook-writer';

const COLUMNS = [{ width: 38 }, { width: 12, style: { numFmt: DATE } }, { width: 18, style: { numFmt: DATE_TIME } }, { width: 9 }, { width: 40 }, { width: 12 }];

/** Every part of the XLSX written with the rows added one way or the other, but the creation time. */
async function workbookParts(rows: readonly PlainValue[][], direct: boolean): Promise<Record<string, string>> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = finished(out);
  await writeWorkbook(out, [
    (book) => {
      const sheet = book.add('Phiếu');
      sheet.columns = COLUMNS;
      tableRow(sheet, ['id', 'ngày', 'lúc', 'số', 'ý kiến', 'mã'], COLUMNS.length, { kind: 'header' });
      if (direct) {
        const writer = rowXmlWriter(sheet);
        rows.forEach((r, i) => {
          writer.add(r);
          if (i % 7 === 6) writer.flush();
        });
        writer.flush();
      } else {
        for (const r of rows) sheet.addRow([...r]).commit();
      }
    },
    (book) => {
      // A sheet after it: its rows are numbered and styled as before.
      tableRow(book.add('Sau'), ['một', 2], 2);
    },
  ]);
  await done;
  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name !== 'docProps/core.xml') parts[name] = await zip.file(name)!.async('string');
  return parts;
}

const text = fc.string({ unit: fc.constantFrom('a', 'ệ', 'Đ', '<', '>', '&', '"', "'", '\u0001', '\u007f', '\r', '\n', ' ', '=', '\ud83d\ude00') });
const value: fc.Arbitrary<PlainValue> = fc.oneof(
  text,
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.double({ noNaN: true }),
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
  fc.constantFrom(null, undefined),
);

describe('rowXmlWriter', () => {
  it('writes what exceljs writes for rows of text, numbers, dates, empty cells and gaps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(value, { maxLength: COLUMNS.length + 2 }), { minLength: 1, maxLength: 20 }), async (rows) => {
        expect(await workbookParts(rows, true)).toEqual(await workbookParts(rows, false));
      }),
      { numRuns: 40 },
    );
  });

  it('writes a typical response row, a row of nothing but empty cells, and Vietnamese, as exceljs does', async () => {
    const rows: PlainValue[][] = [
      ['e8317fd3-5bd3-4e08-8a93-352e5065edab', new Date('2026-03-02T00:00:00Z'), new Date('2026-03-02T10:15:00Z'), 5, 'Nên có thêm ghế, bàn viết "to" <gấp>', 'HT-01'],
      [null, null, null, null, null, null],
      ['x', undefined, null, 0, '', null],
    ];
    const parts = await workbookParts(rows, true);
    expect(parts).toEqual(await workbookParts(rows, false));
    expect(parts['xl/worksheets/sheet1.xml']).toContain('<v>Nên có thêm ghế, bàn viết &quot;to&quot; &lt;gấp&gt;</v>');
  });
});

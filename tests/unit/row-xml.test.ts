// The raw-responses sheet writes its rows as XML itself (row-xml.ts) instead of through exceljs's
// Row and Cell objects. Whatever the values, the file must be exceljs's own, byte for byte, but for
// the cell references row-xml.ts leaves out where the format implies them (a cell right after one
// with a value in its row), or a spreadsheet could read a different figure or date. exceljs reads
// both files back the same; LibreOffice reads them in tests/e2e/xlsx-cells-libreoffice.test.ts.
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { rowXmlWriter, type PlainValue } from '../../server/exports/row-xml';
import { DATE, DATE_TIME, tableRow } from '../../server/exports/sheet-print';
import { writeWorkbook } from '../../server/exports/workbook-writer';

const COLUMNS = [{ width: 38 }, { width: 12, style: { numFmt: DATE } }, { width: 18, style: { numFmt: DATE_TIME } }, { width: 9 }, { width: 40 }, { width: 12 }];

/** Every part of the XLSX written with the rows added one way or the other, but the creation time. */
async function workbookParts(rows: readonly PlainValue[][], direct: boolean, shared: ReadonlySet<number> = new Set()): Promise<{ parts: Record<string, string>; read: Record<string, unknown> }> {
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
        const writer = rowXmlWriter(sheet, shared);
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
  const file = Buffer.concat(chunks);
  const zip = await JSZip.loadAsync(file);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name !== 'docProps/core.xml') parts[name] = await zip.file(name)!.async('string');
  // exceljs's own rows: their implied cell references left out, as row-xml.ts writes them.
  if (!direct) parts[SHEET] = impliedReferencesDropped(parts[SHEET]!, 2);
  return { parts, read: await readBack(file) };
}

const SHEET = 'xl/worksheets/sheet1.xml';

/**
 * `xml` with each row's cell references left out where row-xml.ts leaves them out, from row `from`
 * on: a cell right after the last cell before it that holds a value (not `<v></v>`, not a style alone).
 */
function impliedReferencesDropped(xml: string, from: number): string {
  return xml.replace(/<row r="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g, (row, n: string) => {
    if (Number(n) < from) return row;
    let last = 0;
    return row.replace(/<c r="([A-Z]+)\d+"([^>]*?)(\/>|><v>([\s\S]*?)<\/v><\/c>)/g, (cell, letters: string, attributes: string, rest: string, value: string | undefined) => {
      const col = [...letters].reduce((sum, ch) => sum * 26 + ch.charCodeAt(0) - 64, 0);
      const implied = last > 0 && col === last + 1;
      if (value) last = col;
      return implied ? `<c${attributes}${rest}` : cell;
    });
  });
}

/** Every cell's value as exceljs reads the file back, by sheet and address. */
async function readBack(file: Buffer): Promise<Record<string, unknown>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  const cells: Record<string, unknown> = {};
  book.eachSheet((sheet) => sheet.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
    // A number in a date column reads as a Date, which may be out of range: compared by its time.
    cells[`${sheet.name}!${cell.address}`] = cell.value instanceof Date ? `date ${cell.value.getTime()}` : cell.value;
  })));
  return cells;
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
    const { parts, read } = await workbookParts(rows, true);
    expect({ parts, read }).toEqual(await workbookParts(rows, false));
    expect(parts[SHEET]).toContain('<v>Nên có thêm ghế, bàn viết &quot;to&quot; &lt;gấp&gt;</v>');
    // A row's first cell, a cell after a gap and one after an empty cell keep their reference.
    expect(parts[SHEET]).toContain('<row r="2" spans="1:6" x14ac:dyDescent="0.25"><c r="A2" t="str"><v>e8317fd3-5bd3-4e08-8a93-352e5065edab</v></c><c s="1"><v>');
    expect(parts[SHEET]).toContain('<row r="4" spans="1:6" x14ac:dyDescent="0.25"><c r="A4" t="str"><v>x</v></c><c r="C4" s="2"/><c r="D4"><v>0</v></c><c t="str"><v></v></c></row>');
    expect(read['Phiếu!E2']).toBe('Nên có thêm ghế, bàn viết "to" <gấp>');
  });

  it('reads back the same with the texts of some columns in the shared strings, each text listed once', async () => {
    // Columns 1, 5 and 6 shared (as the raw sheet shares names, codes and labels); few texts, so they repeat.
    const shared = new Set([1, 5, 6]);
    const fewTexts = fc.oneof(fc.constantFrom('Quầy số 1 - Tư pháp', 'HT-01', ' lề ', 'a<b>&"c"', ''), text);
    const cell = fc.oneof(fewTexts, fc.integer({ min: -5, max: 5 }), fc.constantFrom(null, undefined));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: COLUMNS.length + 1 }), { minLength: 1, maxLength: 20 }), async (rows) => {
        const { parts, read } = await workbookParts(rows, true, shared);
        expect(read).toEqual((await workbookParts(rows, true)).read);
        const sheet = parts[SHEET]!;
        const refs = [...sheet.matchAll(/ t="s"><v>(\d+)<\/v>/g)].map((m) => Number(m[1]));
        const table = parts['xl/sharedStrings.xml'];
        if (!refs.length) {
          expect(table).toBeUndefined();
          return;
        }
        // Every text once.
        const listed = [...table!.matchAll(/<si>/g)].length;
        expect(new Set(refs).size).toBe(listed);
        expect(table).toContain(`uniqueCount="${listed}"`);
      }),
      { numRuns: 100 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, defuseFormulas, UTF8_BOM } from '../../server/exports/csv-cells';
import { CsvSyntaxError, detectDelimiter, parseCsv } from '../../server/import/csv-parse';

describe('parseCsv', () => {
  it('reads quoted fields, escaped quotes, line breaks in cells, CRLF and a BOM, with line numbers', () => {
    const text = `${UTF8_BOM}id,suggestion,unit\r\n1,"Cần ""thêm"" ghế,\r\nbàn",MC\r\n\r\n2,,TTCK\n`;
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['id', 'suggestion', 'unit'] },
      { line: 2, cells: ['1', 'Cần "thêm" ghế,\r\nbàn', 'MC'] },
      { line: 5, cells: ['2', '', 'TTCK'] },
    ]);
  });

  it('takes a semicolon as the delimiter when Excel wrote one', () => {
    expect(detectDelimiter('unit;submitted_at;access_seats\nMC;2026-03-01;5')).toBe(';');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    expect(parseCsv('unit;access_seats\r\nMC;5').map((r) => r.cells)).toEqual([['unit', 'access_seats'], ['MC', '5']]);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n4,5')).toThrow(new CsvSyntaxError(3, 'a quoted field is never closed'));
    expect(() => parseCsv('a,b\n"x"y,2')).toThrow(CsvSyntaxError);
  });
});

describe('csvCell', () => {
  it('neutralises cells Excel would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+84 912')).toBe("'+84 912");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Nên có thêm ghế')).toBe('Nên có thêm ghế');
  });

  it('defuses a formula wherever a split on comma or semicolon could start a cell', () => {
    expect(csvCell('Chật;=HYPERLINK("http://x")')).toBe(`"Chật;'=HYPERLINK(""http://x"")"`);
    expect(csvCell('a,+1;@b')).toBe(`"a,'+1;'@b"`);
    expect(csvCell('giảm; - 5%')).toBe('"giảm; - 5%"');
  });

  it('round-trips any text through the parser, and no parsed text starts a formula', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ă', 'ệ', ',', ';', '"', '\n', '\r', ' ', '=', '+', '-', '@', '\t', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const header = rows[0]!.map((_, i) => `c${i}`);
        const body = [header, ...rows.map((r) => header.map((_, i) => r[i] ?? ''))];
        const parsed = parseCsv(UTF8_BOM + body.map(csvLine).join(''), ',');
        const expected = body.filter((r) => r.length > 1 || r[0] !== '').map((r) => r.map(defuseFormulas));
        expect(parsed.map((p) => p.cells)).toEqual(expected);
        for (const p of parsed) for (const c of p.cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
        // A reader that splits on semicolons (Excel in a Vietnamese locale) finds no formula either.
        const text = body.map(csvLine).join('');
        for (const piece of text.split(/[;\r\n\t]/)) expect(piece.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
      }),
    );
  });
});

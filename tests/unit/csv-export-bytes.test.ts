// The CSV export was rewritten for speed (one string per record, a quick path for plain cells,
// fewer fields read): its bytes must be what the first writer made for the same data, since people
// import these files. The first writer is kept here as it was, and both write a seeded database.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvCell, UTF8_BOM } from '../../server/exports/csv-cells';
import type { RawRows } from '../../server/exports/raw-rows';
import { responseCells, responseColumns } from '../../server/exports/response-columns';
import { responsesCsv } from '../../server/exports/responses-csv';
import { responsePage, type ResponseCursor } from '../../server/repos/response-pages';
import { storeResponses, type PendingResponse } from '../../server/repos/responses';
import type { CountFilter } from '../../server/repos/score-counts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// The writer before the rewrite, word for word.
const FORMULA_START = /^[=+\-@\t\r]/;
const FORMULA_AFTER_SPLIT = /([,;\t\r\n])(?=[=+\-@])/g;
const NEEDS_QUOTES = /[",;\r\n\t]|^\s|\s$/;
function firstCsvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const replaced = value.replace(FORMULA_AFTER_SPLIT, "$1'");
  const text = FORMULA_START.test(replaced) ? `'${replaced}` : replaced;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const firstCsvLine = (cells: readonly (string | number | null | undefined)[]) => `${cells.map(firstCsvCell).join(',')}\r\n`;

const TRICKY = ['=1+1', '+84 912', '-5', '@SUM(A1)', 'a;=b', 'giảm; - 5%', 'Cần "thêm" ghế,\r\nbàn', ' lề trái', 'lề phải ', '\tTab', 'Nên có thêm ghế', '', '\u00a0không ngắt', 'a\u2028b'];

describe('csvCell', () => {
  it('writes every text as the first writer did', () => {
    const unit = fc.constantFrom('a', 'ệ', ',', ';', '"', '\n', '\r', ' ', '\u00a0', '\u2028', '=', '+', '-', '@', '\t', '1', '|');
    fc.assert(fc.property(fc.oneof(fc.string({ unit }), fc.constantFrom(...TRICKY), fc.double(), fc.constantFrom(null, undefined)), (value) => {
      expect(csvCell(value)).toBe(firstCsvCell(value));
    }), { numRuns: 2000 });
  });
});

describe('the responses CSV of a seeded database', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase('sqlite');
  });
  afterEach(() => t.destroy());

  it('is byte for byte the first writer\'s, over several pages, anonymous and detailed', async () => {
    const rand = (n: number, i: number) => (i * 7919 + n * 104729) % n;
    const many: PendingResponse[] = Array.from({ length: 4500 }, (_, i) => {
      const at = new Date(Date.parse('2026-03-02T01:00:00Z') + i * 37_000).toISOString();
      const suggestion = TRICKY[i % (TRICKY.length + 3)];
      return {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, surveyId: 'sipas-2017', surveyVersion: 1, localDate: at.slice(0, 10), submittedAt: at, receivedAt: at,
        unitCode: ['MC-Q1', 'MC-Q2', 'TTCK', ''][i % 4]!, procedureCode: i % 3 ? 'HT-01' : '', officialCode: i % 5 ? 'CB-01' : '', channel: ['kiosk', 'qr', 'paper'][i % 3]!, flagged: i % 11 === 0,
        answers: { access_seats: rand(6, i), off_polite: rand(5, i + 1), ...(i % 2 ? { gender: 'female' } : {}), ...(i % 13 === 0 ? { age_band: ['a18_24', 'a25_34'] } : {}), ...(suggestion === undefined ? {} : { suggestion }) },
        countedAnswers: {}, contentHash: `h${i}`, deviceId: '', proof: i % 17 === 0 ? 'open' : 'staff', verified: i % 17 !== 0,
      };
    });
    await t.handle.db.transaction().execute((trx) => storeResponses(trx, many));
    const def = t.surveys.get('sipas-2017')!;
    for (const [rows, filter] of [
      ['anonymous', { surveyId: 'sipas-2017', units: null, includeFlagged: false, includeUnverified: false }],
      ['detailed', { surveyId: 'sipas-2017', units: ['MC-Q1', 'TTCK'], from: '2026-03-02', to: '2026-03-03', includeFlagged: true, includeUnverified: true }],
    ] as [RawRows, CountFilter][]) {
      const columns = responseColumns(def, rows);
      let expected = UTF8_BOM + firstCsvLine(columns.map((c) => c.header));
      let after: ResponseCursor | undefined;
      for (;;) {
        const page = await responsePage(t.handle.reader, filter, { after, limit: 2000 });
        expected += page.map((r) => firstCsvLine(responseCells(columns, r))).join('');
        if (page.length < 2000) break;
        after = { submittedAt: page.at(-1)!.submitted_at, id: page.at(-1)!.id };
      }
      const written = Buffer.from(await new Response(responsesCsv(t.handle.reader, def, filter, rows)).arrayBuffer());
      expect(written.length, rows).toBeGreaterThan(100_000);
      expect(written.equals(Buffer.from(expected)), rows).toBe(true);
    }
  });
});

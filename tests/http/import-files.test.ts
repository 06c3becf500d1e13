// Paper forms as offices really save them: Excel's plain "CSV" on Vietnamese Windows
// (Windows-1258, semicolons), its "Unicode text" (UTF-16, tabs) and a workbook, typed with the
// words printed on the form. Every letter arrives; a file that cannot be read stores nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importForms } from '../../server/import/import-forms';
import { readTableFile, TableFileError } from '../../server/import/read-table';
import { countResponses } from '../../server/repos/responses';
import { runCli } from '../helpers/run-cli';
import { createTestDatabase, dialects, type TestDatabase } from '../helpers/test-database';
import { encodeWindows1258 } from '../helpers/windows-1258';

const SUGGESTION = 'Nên bố trí thêm ghế chờ, quạt mát; cán bộ Ửng rất nhiệt tình – cảm ơn!';
const HEADER = ['submitted_at', 'unit', 'channel', 'access_seats', 'off_polite', 'gender', 'submission_channel', 'suggestion'];
const row = (date: string) => [date, 'MC-Q1', 'Giấy', 'Rất hài lòng', 'Không có ý kiến', 'Nữ', 'Trực tiếp', SUGGESTION];
/** A line as Excel writes it: a cell holding the separator or a quote is quoted. */
const line = (cells: readonly string[], separator: string) => cells.map((c) => (/[;,\t"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(separator);
const EXPECTED = { access_seats: 5, off_polite: 0, gender: 'female', submission_channel: 'in_person', suggestion: SUGGESTION };

describe.each(dialects)('importing the files offices save on %s', (dialect) => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'sipas-import-files-'));
  });
  afterAll(async () => {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  const def = () => database.surveys.get('sipas-2017')!;
  const stored = () => countResponses(database.handle.db, 'sipas-2017');
  const answersOn = async (date: string) => {
    const rows = await database.handle.db.selectFrom('responses').select(['answers', 'channel', 'proof']).where('local_date', '=', date).execute();
    return rows.map((r) => ({ channel: r.channel, proof: r.proof, answers: JSON.parse(r.answers) }));
  };
  const load = async (bytes: Uint8Array, name: string, dryRun = false) => {
    const table = await readTableFile(bytes, name);
    const outcome = await importForms(database.handle.db, database.surveys, def(), table.records, { skipInvalid: false, dryRun, now: new Date('2026-04-01T00:00:00Z'), actor: 'test', source: name });
    return { format: table.format, ...outcome };
  };

  it('reads Windows-1258 with semicolons letter for letter; a dry run first stores nothing', async () => {
    const csv = encodeWindows1258([HEADER, row('2026-03-02')].map((r) => line(r, ';')).join('\r\n'));
    const dry = await load(csv, 'forms.csv', true);
    expect(dry).toMatchObject({ format: 'windows-1258', created: 1, alreadyStored: 0, imported: false, invalid: [], textSample: [{ line: 2, column: 'suggestion', text: SUGGESTION }] });
    expect(await stored()).toBe(0);
    const real = await load(csv, 'forms.csv');
    expect(real).toMatchObject({ created: 1, imported: true });
    expect(await answersOn('2026-03-02')).toEqual([{ channel: 'paper', proof: 'import', answers: EXPECTED }]);
  });

  it('reads Excel\'s "Unicode text" (UTF-16 with tabs)', async () => {
    const text = [HEADER, row('2026-03-03')].map((r) => line(r, '\t')).join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await load(bytes, 'forms.txt')).toMatchObject({ format: 'utf-16le', created: 1, imported: true });
    expect((await answersOn('2026-03-03'))[0]!.answers).toEqual(EXPECTED);
  });

  it('reads a workbook, its dates as dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Phiếu');
    sheet.addRow(HEADER);
    sheet.addRow([new Date(Date.UTC(2026, 2, 4, 9, 30)), ...row('').slice(1)]);
    sheet.addRow([]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await load(bytes, 'forms.xlsx')).toMatchObject({ format: 'xlsx', created: 1, imported: true });
    const [form] = await database.handle.db.selectFrom('responses').select(['answers', 'submitted_at']).where('local_date', '=', '2026-03-04').execute();
    expect(form!.submitted_at).toBe('2026-03-04T02:30:00.000Z'); // 09:30 in Vietnam
    expect(JSON.parse(form!.answers)).toEqual(EXPECTED);
  });

  it('refuses a file it cannot read, or a row claiming another channel, storing nothing', async () => {
    const before = await stored();
    const broken = Buffer.concat([encodeWindows1258(`${line(HEADER, ';')}\r\n${line(row('2026-03-05'), ';')}\r\n2026-03-06;MC-Q1;;`), Buffer.from([0x8d]), Buffer.from(';;;;;\r\n')]);
    await expect(readTableFile(broken, 'forms.csv')).rejects.toThrow(TableFileError);
    await expect(readTableFile(broken, 'forms.csv')).rejects.toThrow(/^line 3: read as windows-1258, the file holds the control character U\+008D/);
    await expect(readTableFile(Buffer.from('PK\u0003\u0004not a zip'), 'forms.xlsx')).rejects.toThrow(/not a readable Excel workbook/);
    await expect(readTableFile(Buffer.from('x'), 'forms.xls')).rejects.toThrow(/Excel 97–2003/);
    const kiosk = await load(Buffer.from(`${HEADER.join(',')}\n${row('2026-03-07').join(',').replace('Giấy', 'kiosk').replace(`,${SUGGESTION}`, ',"x"')}\n`), 'forms.csv');
    expect(kiosk.invalid).toEqual([{ line: 2, issues: [{ column: 'channel', message: '"kiosk": an import holds paper forms only (leave the column empty or write paper)' }] }]);
    expect(await stored()).toBe(before);
  });

  it('prints a dry run from the command line, with the text as it would be stored', async () => {
    const path = join(dir, 'ansi.csv');
    writeFileSync(path, encodeWindows1258([HEADER, row('2026-03-09'), row('2026-03-02')].map((r) => line(r, ';')).join('\r\n')));
    const before = await stored();
    const res = await runCli(database, ['import', '--survey', 'sipas-2017', '--dry-run', path]);
    expect(res.stderr).toBe('');
    expect(res.stdout.split('\n')).toEqual([
      'dry run: read ansi.csv as windows-1258, 2 row(s)',
      `line 2: suggestion: ${SUGGESTION}`,
      `line 3: suggestion: ${SUGGESTION}`,
      // The form of 2 March is the one imported in the first test: the same content, the same id.
      'would import 1 new response(s); 1 are already stored; nothing was stored',
      '',
    ]);
    expect(await stored()).toBe(before);
  });
});

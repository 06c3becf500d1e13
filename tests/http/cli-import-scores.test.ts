import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countResponses } from '../../server/repos/responses';
import { runCli } from '../helpers/run-cli';
import { createTestDatabase, dialects, type TestDatabase } from '../helpers/test-database';

// Six paper forms with blank cells (unanswered), 0 cells (no opinion), a form filed directly
// under MC and two under its counters, one under TTCK, and a dd/mm/yyyy date.
const FORMS = [
  'submitted_at,unit,channel,access_seats,access_equipment_enough,off_polite,gender,suggestion',
  '2026-03-02,MC-Q1,,5,4,4,male,"Tốt, cảm ơn"',
  '2026-03-03T09:30,MC-Q1,giấy,4,0,5,female,',
  '2026-03-03,MC-Q2,,2,,0,,',
  '2026-03-04,MC-Q2,,3,5,1,female,',
  '2026-03-05,TTCK,,1,1,2,,',
  '15/03/2026,MC,,0,4,,,',
].join('\r\n');

// Each row has one fault: unknown unit, rating out of range, unparsable date, malformed id,
// a value in an unknown column; the last row is fine.
const BAD = [
  'id,submitted_at,unit,access_seats,favourite_colour',
  ',2026-03-02,XX,5,',
  ',2026-03-02,MC-Q1,7,',
  ',hôm qua,MC-Q1,4,',
  'abc,2026-03-02,MC-Q1,4,',
  ',2026-03-02,MC-Q1,4,blue',
  ',2026-03-06,MC-Q2,5,',
].join('\n');

describe.each(dialects)('import then scores from the command line on %s', (dialect) => {
  let database: TestDatabase;
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'sipas-import-'));
  });
  afterAll(async () => {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  const stored = () => countResponses(database.handle.db, 'sipas-2017');

  it('refuses a file with invalid rows, naming each line and reason, and imports nothing', async () => {
    const res = await runCli(database, ['import', '--survey', 'sipas-2017', file('bad.csv', BAD)]);
    expect(res.status).toBe(1);
    const lines = res.stderr.trim().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'line 2: unit: No unit with code "XX"',
      'line 3: access_seats: 7 is not one of 0, 1, 2, 3, 4, 5',
      'line 4: submitted_at: "hôm qua" is not a date (2026-03-15, 2026-03-15T09:30 or 15/03/2026)',
      'line 5: id: "abc" is not a UUID',
      'line 6: favourite_colour: "favourite_colour" is not a column of sipas-2017',
    ]);
    expect(lines[5]).toMatch(/5 invalid row\(s\): nothing imported/);
    expect(await stored()).toBe(0);
  });

  it('imports forms with a BOM, then adds nothing when the same file is imported again', async () => {
    const path = file('forms.csv', `\uFEFF${FORMS}\r\n`);
    const first = await runCli(database, ['import', '--survey', 'sipas-2017', path]);
    expect(first.stderr).toBe('');
    expect(first).toMatchObject({ status: 0, stdout: 'imported 6 new response(s); 0 were already stored\n' });
    const again = await runCli(database, ['import', '--survey', 'sipas-2017', path]);
    expect(again.stdout).toBe('imported 0 new response(s); 6 were already stored\n');
    expect(await stored()).toBe(6);
    const paper = await database.handle.db.selectFrom('responses').select(['channel', 'local_date']).orderBy('local_date').execute();
    expect(paper.map((r) => `${r.channel}@${r.local_date}`)).toEqual([
      'paper@2026-03-02', 'paper@2026-03-03', 'paper@2026-03-03', 'paper@2026-03-04', 'paper@2026-03-05', 'paper@2026-03-15',
    ]);
  });

  it('prints exactly the hand-computed indices with --json, for a unit with its sub-units', async () => {
    const res = await runCli(database, ['scores', '--survey', 'sipas-2017', '--unit', 'MC', '--from', '2026-03-01', '--to', '2026-03-31', '--json']);
    expect(res.status).toBe(0);
    const json = JSON.parse(res.stdout);
    const criterion = (id: string) => json.criteria.find((c: { id: string }) => c.id === id);
    // MC = MC + MC-Q1 + MC-Q2: five forms.
    expect(json).toMatchObject({ surveyId: 'sipas-2017', responses: 5, overall: { index: 70.83 } });
    expect(criterion('access_seats')).toMatchObject({ element: 'access', index: 50, mean: 3.5, n: 4, smallSample: true }); // 5 4 2 3 (0)
    expect(criterion('access_equipment_enough')).toMatchObject({ index: 100, mean: 4.33, n: 3, smallSample: true }); // 4 (0) _ 5 4
    expect(criterion('off_polite')).toMatchObject({ element: 'official', index: 66.67, mean: 3.33, n: 3 }); // 4 5 (0) 1 _
    expect(criterion('access_seats').ci95).toEqual([15, 85]); // Wilson, 2 of 4
    expect(criterion('proc_fees')).toMatchObject({ index: null, n: 0, smallSample: true });
    expect(json.elements.map((e: { id: string; index: number | null; n: number }) => [e.id, e.index, e.n])).toEqual([
      ['access', 75, 7], ['procedure', null, 0], ['official', 66.67, 3], ['result', null, 0], ['feedback', null, 0],
    ]);
    expect(json.elements.every((e: { smallSample: boolean }) => e.smallSample)).toBe(true);
  });

  it('prints the whole organisation without --unit, and a readable table without --json', async () => {
    const json = JSON.parse((await runCli(database, ['scores', '--survey', 'sipas-2017', '--json'])).stdout);
    expect(json.responses).toBe(6);
    expect(json.overall.index).toBe(53.75); // access (40 + 75) / 2, official 50
    // Imported paper forms are verified: counting unverified answers too changes nothing here.
    const all = JSON.parse((await runCli(database, ['scores', '--survey', 'sipas-2017', '--include-unverified', '--json'])).stdout);
    expect([all.filter.includeUnverified, json.filter.includeUnverified, all.responses, all.overall.index]).toEqual([true, false, 6, 53.75]);
    const table = await runCli(database, ['scores', '--survey', 'sipas-2017', '--unit', 'MC']);
    expect(table.stdout).toContain('unit MC · start – today · 5 responses');
    expect(table.stdout).toMatch(/Nơi ngồi chờ có đủ chỗ ngồi\s+50\.00%\s+15\.00–85\.00\s+3\.50\s+4 \*/);
    expect(table.stdout).toMatch(/SIPAS \(overall\)\s+70\.83%/);
  });

  it('imports the valid rows with --skip-invalid and reports the rest', async () => {
    const res = await runCli(database, ['import', '--survey', 'sipas-2017', '--skip-invalid', file('bad2.csv', BAD)]);
    expect(res.status).toBe(0);
    expect(res.stdout).toBe('imported 1 new response(s); 0 were already stored, skipped 5 invalid row(s)\n');
    expect(res.stderr.split('\n').filter(Boolean)).toHaveLength(5);
    expect(await stored()).toBe(7);
    const log = await database.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'responses.import').execute();
    expect(log).toHaveLength(3);
  });

  it('lists the units for CSV preparation', async () => {
    const units = JSON.parse((await runCli(database, ['units', '--json'])).stdout);
    expect(units[0]).toEqual({ code: 'BQL', name: 'Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn', parent: null });
    expect(units.find((u: { code: string }) => u.code === 'MC-Q1').parent).toBe('MC');
  });
});

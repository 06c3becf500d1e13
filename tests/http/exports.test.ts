import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../server/import/csv-parse';
import { storeResponses, type PendingResponse } from '../../server/repos/responses';
import { storeResponse } from '../helpers/store-responses';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

const MARCH = 'survey=sipas-2017&from=2026-03-01&to=2026-03-31';

/** The row whose first cell holds `text`: where a table starts below the title block. */
function headerRowOf(sheet: ExcelJS.Worksheet, text: string): number {
  for (let i = 1; i <= sheet.rowCount; i++) if (sheet.getRow(i).getCell(1).value === text) return i;
  throw new Error(`no row starting "${text}" in ${sheet.name}`);
}

describe.each(dialects)('exports on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-05-04T02:00:00Z') });
    admin = await signIn(t, 'root', 'admin');
    await storeResponse(t, { unit: 'MC-Q1', official: 'CB-01', submittedAt: '2026-03-02T03:00:00Z', answers: { access_seats: 5, off_polite: 0, gender: 'female', suggestion: "=cmd|' /C calc'!A0" } });
    await storeResponse(t, { unit: 'MC-Q2', official: 'CB-03', channel: 'qr', submittedAt: '2026-03-10T03:00:00Z', answers: { access_seats: 2, off_polite: 4, suggestion: 'Nên có thêm ghế, bàn viết "to"' } });
    await storeResponse(t, { unit: 'TTCK', submittedAt: '2026-03-11T03:00:00Z', answers: { access_seats: 4 } });
  });
  afterEach(() => t.close());

  const download = (path: string, who: SignedIn = admin) => t.app.request(path, { headers: who.headers });
  const csvOf = async (res: Response) => {
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM Excel needs
    return parseCsv(bytes.toString('utf8')).map((r) => r.cells);
  };

  it('writes the raw responses as CSV with a BOM, Vietnamese intact and formulas neutralised', async () => {
    const res = await download(`/api/exports/responses.csv?${MARCH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="sipas-2017_all_2026-03-01_2026-03-31.csv"');
    const [header, ...rows] = await csvOf(res);
    // No official and no exact time: those are for an admin who asks (privacy-arithmetic.test.ts).
    expect(header!.slice(0, 8)).toEqual(['id', 'local_date', 'survey_version', 'unit', 'procedure', 'channel', 'flagged', 'access_seats']);
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => [r[col('unit')], r[col('access_seats')], r[col('off_polite')], r[col('gender')]])).toEqual([
      ['MC-Q1', '5', '0', 'female'],
      ['MC-Q2', '2', '4', ''],
      ['TTCK', '4', '', ''],
    ]);
    expect(rows[0]![col('suggestion')]).toBe("'=cmd|' /C calc'!A0");
    expect(rows[1]![col('suggestion')]).toBe('Nên có thêm ghế, bàn viết "to"');
  });

  it('writes an XLSX whose "Chỉ số" sheet holds the API\'s figures, a sheet per breakdown and the responses', async () => {
    const query = `${MARCH}&unit=MC&by=unit,month`;
    const api = (await t.call('GET', `/api/scores?${query}`, undefined, admin.headers)).body;
    const res = await download(`/api/exports/scores.xlsx?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('sipas-2017_MC_2026-03-01_2026-03-31.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['Chỉ số', 'Theo đơn vị', 'Theo tháng', 'Hồ sơ, góp ý (QĐ 766)', 'Chủ đề', 'Phiếu khảo sát']);
    const sheet = book.getWorksheet('Chỉ số')!;
    const top = headerRowOf(sheet, 'STT');
    const header = sheet.getRow(top).values as unknown[];
    const at = (name: string) => header.indexOf(name);
    const rowFor = (code: string) => {
      for (let i = top + 1; i <= sheet.rowCount; i++) if (sheet.getRow(i).getCell(3).value === code) return sheet.getRow(i);
      throw new Error(`no row ${code}`);
    };
    // Percentages are fractions in percent-formatted cells: 85,23% shows, 0.8523 is stored.
    const percent = (v: unknown) => (v === null || v === undefined ? null : Math.round((v as number) * 1_000_000) / 10_000);
    for (const c of api.criteria) {
      const row = rowFor(c.id);
      expect([row.getCell(at('Số ý kiến hợp lệ')).value, percent(row.getCell(at('Tỷ lệ hài lòng (%)')).value), row.getCell(at('Điểm trung bình')).value ?? null], c.id).toEqual([c.n, c.index, c.mean]);
      if (c.index !== null) expect(row.getCell(at('Tỷ lệ hài lòng (%)')).numFmt).toBe('0.00%');
    }
    const seats = rowFor('access_seats');
    expect([seats.getCell(at('Rất hài lòng')).value, seats.getCell(at('Không hài lòng')).value]).toEqual([1, 1]);
    expect([percent(seats.getCell(at('KTC 95% – cận dưới (%)')).value), percent(seats.getCell(at('KTC 95% – cận trên (%)')).value)]).toEqual(api.criteria[0].ci95);
    expect(percent(rowFor('overall').getCell(at('Tỷ lệ hài lòng (%)')).value)).toBe(api.overall.index);
    expect(percent(rowFor('access').getCell(at('Mục tiêu (%)')).value)).toBe(90);
    // "No valid answers" is not a small sample.
    expect(rowFor('off_polite').getCell(at('Ghi chú')).value).toBe('Mẫu nhỏ (dưới 30 ý kiến hợp lệ)');
    expect(rowFor('res_complete').getCell(at('Ghi chú')).value).toBe('Chưa có ý kiến hợp lệ');
    const units = book.getWorksheet('Theo đơn vị')!;
    const first = headerRowOf(units, 'Mã') + 1;
    expect([0, 1, 2].map((i) => [units.getRow(first + i).getCell(1).value, units.getRow(first + i).getCell(3).value])).toEqual([['MC', 2], ['MC-Q1', 1], ['MC-Q2', 1]]);
    const raw = book.getWorksheet('Phiếu khảo sát')!;
    const sources = headerRowOf(raw, 'id');
    expect(raw.rowCount - sources).toBe(2); // MC's two responses under the two header rows
    // Each answer under its question: a rating as its level, a choice as its label then its code.
    const ids = raw.getRow(sources).values as unknown[];
    const answersIn = (row: number, id: string) => ids.flatMap((source, col) => (source === id ? [raw.getRow(row).getCell(col).value] : []));
    expect(['access_seats', 'off_polite', 'gender', 'suggestion'].map((id) => answersIn(sources + 1, id))).toEqual([[5], [0], ['Nữ', 'female'], ["=cmd|' /C calc'!A0"]]);
    expect(['access_seats', 'off_polite', 'gender', 'suggestion'].map((id) => answersIn(sources + 2, id))).toEqual([[2], [4], [null, null], ['Nên có thêm ghế, bàn viết "to"']]);
    // Each row under its own day (a date cell, read back as midnight UTC).
    expect([1, 2].map((k) => answersIn(sources + k, 'local_date'))).toEqual([[new Date('2026-03-02T00:00:00Z')], [new Date('2026-03-10T00:00:00Z')]]);
  });

  it('keeps a viewer to their unit in every export, and audits every export', async () => {
    const viewer = await signIn(t, 'lan', 'viewer', 'MC-Q1');
    for (const path of [`/api/exports/responses.csv?${MARCH}&unit=TTCK`, `/api/exports/scores.xlsx?${MARCH}&unit=MC`, `/api/exports/responses.csv?${MARCH}&unit=BQL`]) {
      const res = await download(path, viewer);
      expect(res.status, path).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden_unit');
    }
    const [header, ...rows] = await csvOf(await download(`/api/exports/responses.csv?${MARCH}`, viewer));
    expect(rows.map((r) => r[header!.indexOf('unit')])).toEqual(['MC-Q1']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await download(`/api/exports/scores.xlsx?${MARCH}&by=unit`, viewer)).arrayBuffer());
    const raw = book.getWorksheet('Phiếu khảo sát')!;
    expect(raw.rowCount - headerRowOf(raw, 'id')).toBe(1);
    const units = book.getWorksheet('Theo đơn vị')!;
    expect(units.getRow(headerRowOf(units, 'Mã') + 1).getCell(1).value).toBe('MC-Q1');
    expect((await download(`/api/exports/responses.csv?${MARCH}`, { username: 'x', headers: {} })).status).toBe(401);
    const log = (await t.call('GET', '/api/staff/audit', undefined, admin.headers)).body as { actor: string; action: string; details: { unit?: string } }[];
    expect(log.filter((e) => e.action.startsWith('export.')).map((e) => `${e.actor} ${e.action}`).sort()).toEqual(['lan export.csv', 'lan export.xlsx']);
  });

  it('renders the printable report with its tables, charts and no inline script or style', async () => {
    const api = (await t.call('GET', `/api/scores?${MARCH}&unit=MC`, undefined, admin.headers)).body;
    const res = await download(`/staff/report?${MARCH}&unit=MC`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await res.text();
    expect(page).toContain('<h1>Báo cáo kết quả đo lường sự hài lòng</h1>');
    expect(page).toContain('Đơn vị: Bộ phận Một cửa');
    expect(page).toContain('Kỳ báo cáo: 01/03/2026 – 31/03/2026');
    expect(page).toContain(`id="overall-index">${api.overall.index.toLocaleString('vi-VN', { minimumFractionDigits: 2 })}%<`);
    expect(page).toContain('<svg class="chart"');
    // Laid out as a periodic report: the issuer, the comparison with February and the target, the feedback figures and Decision 766 points.
    expect(page).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(page).toContain('BAN QUẢN LÝ KHU KINH TẾ CỬA KHẨU ĐỒNG ĐĂNG - LẠNG SƠN');
    expect(page).toContain('So sánh với kỳ trước (01/02/2026 – 28/02/2026, 0 phiếu) và với mục tiêu');
    expect(page).toContain('data-compare="overall"');
    expect(page).toContain('data-figures="feedback"');
    expect(page).toContain('data-figures="d766"');
    expect(page).toContain('<link rel="stylesheet" href="/static/report.css">');
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // only external scripts
    expect(page).not.toMatch(/\sstyle=/);
    expect((await t.app.request('/static/report.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await t.app.request('/static/report.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
    const english = await (await download(`/staff/report?${MARCH}&lang=en`)).text();
    expect(english).toContain('<h1>Report on measured satisfaction</h1>');

    const anonymous = await t.app.request(`/staff/report?${MARCH}`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/staff');
    const viewer = await signIn(t, 'lan', 'viewer', 'MC-Q1');
    expect((await download(`/staff/report?${MARCH}&unit=TTCK`, viewer)).status).toBe(403);
    const own = await (await download(`/staff/report?${MARCH}`, viewer)).text();
    expect(own).toContain('Đơn vị: Quầy số 1 - Đầu tư, Xây dựng');
    expect(own).not.toContain('Trung tâm Quản lý cửa khẩu');
    const log = (await t.call('GET', '/api/staff/audit', undefined, admin.headers)).body as { action: string }[];
    expect(log.filter((e) => e.action === 'export.report')).toHaveLength(3);
  });

  it('streams a large export page by page without holding up new responses', async () => {
    const many: PendingResponse[] = Array.from({ length: 6000 }, (_, i) => {
      const at = new Date(Date.parse('2026-03-05T00:00:00Z') + i * 60_000).toISOString();
      return {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, surveyId: 'sipas-2017', surveyVersion: 1, localDate: '2026-03-05', submittedAt: at, receivedAt: at,
        unitCode: 'MC-Q1', procedureCode: '', officialCode: '', channel: 'paper', flagged: false, answers: { access_seats: 4 }, countedAnswers: { access_seats: 4 }, contentHash: `h${i}`, deviceId: '', proof: 'staff', verified: true,
      };
    });
    await t.database.handle.db.transaction().execute((trx) => storeResponses(trx, many));
    const res = await download(`/api/exports/responses.csv?${MARCH}`);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // The export is open and only partly read: a citizen's response is still taken at once.
    await storeResponse(t, { unit: 'MC-Q2', submittedAt: '2026-03-31T09:00:00Z', answers: { access_seats: 5 } });
    const chunks = [Buffer.from(first.value!)];
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(Buffer.from(next.value));
    expect(chunks.length).toBeGreaterThan(2);
    const rows = parseCsv(Buffer.concat(chunks).toString('utf8'));
    expect(rows).toHaveLength(1 + 6000 + 3 + 1);
    expect(new Set(rows.slice(1).map((r) => r.cells[0])).size).toBe(6004);
  });
});

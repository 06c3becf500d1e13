import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice } from '../helpers/libreoffice';
import { signIn } from '../helpers/staff-session';
import { storeResponses } from '../helpers/store-responses';
import { createTestApp, type TestApp } from '../helpers/test-app';

const run = promisify(execFile);
/** Where the files go: kept for a person to look at in the folder SIPAS_XLSX_OUT names, else a temporary one removed after the tests. */
const OUT = process.env.SIPAS_XLSX_OUT ?? mkdtempSync(join(tmpdir(), 'sipas-xlsx-'));

// Opened and printed by a real spreadsheet program: LibreOffice converts the XLSX to PDF as an
// office would print it, and the PDF is read back with poppler.
describe('the XLSX printed from LibreOffice', () => {
  let t: TestApp;
  let pages: string[];
  let sizes: string[];
  beforeAll(async () => {
    t = await createTestApp('sqlite', { now: new Date('2026-04-02T02:00:00Z') });
    const admin = await signIn(t, 'root', 'admin');
    const units = ['MC-Q1', 'MC-Q2', 'TTCK', 'QLDT'];
    const answers = (i: number) => ({
      access_seats: 1 + (i % 5), access_equipment_enough: 2 + (i % 4), proc_posted_full: 3 + (i % 3), proc_time: 1 + ((i * 3) % 5),
      off_polite: 1 + ((i * 7) % 5), off_answers: 4, res_as_prescribed: 5, fb_channel: i % 4 ? 4 : 0,
      gender: i % 2 ? 'female' : 'male', age_band: 'a25_34', suggestion: 'Nên bố trí thêm ghế chờ và quạt mát ở quầy số 2.',
    });
    await storeResponses(t, Array.from({ length: 120 }, (_, i) => ({
      unit: units[i % units.length], official: i % 4 === 0 && i % 3 ? 'CB-01' : undefined, answers: answers(i), // CB-01 serves at MC-Q1
      submittedAt: new Date(Date.parse('2026-02-01T02:00:00Z') + i * 12 * 3_600_000).toISOString(),
    })));
    const res = await t.app.request('/api/exports/scores.xlsx?survey=sipas-2017&from=2026-03-01&to=2026-03-31&by=unit,month,gender', { headers: admin.headers });
    expect(res.status).toBe(200);
    const xlsx = join(OUT, 'scores.xlsx');
    writeFileSync(xlsx, Buffer.from(await res.arrayBuffer()));
    await convertWithLibreOffice(xlsx, 'pdf', OUT);
    const pdf = join(OUT, 'scores.pdf');
    const info = (await run('pdfinfo', ['-f', '1', '-l', '999', pdf])).stdout;
    sizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((m) => m[1]!);
    pages = (await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 << 20 })).stdout.split('\f').filter((p) => p.trim());
  }, 300_000);
  afterAll(async () => {
    await t.close();
    if (!process.env.SIPAS_XLSX_OUT) rmSync(OUT, { recursive: true, force: true });
  });

  it('prints every page on A4', () => {
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.length).toBe(pages.length);
    for (const size of sizes) expect(size).toMatch(/\(A4\)/);
  });

  it('prints the index sheet landscape and one page wide, its header on every page', () => {
    const next = pages.findIndex((p) => p.includes('KẾT QUẢ THEO ĐƠN VỊ'));
    expect(next).toBeGreaterThan(0);
    const index = pages.slice(0, next);
    expect(sizes[0]).toMatch(/^841\.\d+ x 595\.\d+ pts/); // A4 landscape
    for (const page of index) {
      // The first and the last column side by side on every page: nothing spilled onto a page to the right.
      expect(page).toContain('STT');
      expect(page).toContain('Ghi chú');
      expect(page).toContain('Tỷ lệ hài');
    }
    expect(index.length).toBeLessThanOrEqual(2);
  });

  it('keeps the Vietnamese text intact', () => {
    const first = pages[0]!;
    for (const text of [
      'BAN QUẢN LÝ KHU KINH TẾ CỬA KHẨU ĐỒNG ĐĂNG - LẠNG SƠN',
      'CHỈ SỐ HÀI LÒNG VỀ SỰ PHỤC VỤ HÀNH CHÍNH',
      'Kỳ báo cáo: 01/03/2026 – 31/03/2026',
      'Nơi ngồi chờ có đủ chỗ ngồi',
      'Công chức có thái độ giao tiếp lịch sự',
      'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
    ]) expect(first).toContain(text);
    expect(pages.join('\n')).toContain('So sánh với kỳ trước (01/02/2026 – 28/02/2026');
    // Percent cells print as percentages, and "no answers" is not called a small sample.
    expect(first).toMatch(/\d{1,3}[.,]\d{2}%/);
    expect(first).toContain('Chưa có ý kiến hợp lệ');
  });
});

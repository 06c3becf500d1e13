// The organisation from the staff page: one entry at a time and whole workbooks, through the same
// checks as the command line; every refusal reason over HTTP; a manager kept to their own units
// (the attack carried out); a dry run that changes nothing; a stale preview refused; audited.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { REFUSAL_REASONS } from '../../server/organisation/entries';
import { registerTestDevice } from '../helpers/kiosk-device';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

const NOW = new Date('2026-03-10T03:00:00Z'); // 10 March in Vietnam
const ORG = '/api/staff/organisation';
const csv = (text: string) => new TextEncoder().encode(text);

/** Adds rows to the named sheets of a workbook, as a person filling it in would. */
async function fillIn(bytes: Uint8Array, rows: Record<string, (string | number)[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  for (const [sheet, added] of Object.entries(rows)) for (const row of added) workbook.getWorksheet(sheet)!.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every sheet's cells as text, to compare two downloads of the organisation. */
async function sheetsOf(bytes: Uint8Array): Promise<Record<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    out[sheet.name] = rows;
  });
  return out;
}

describe.each(dialects)('the organisation from the staff page on %s', (dialect) => {
  let t: TestApp;
  afterEach(() => t.close());
  const db = () => t.database.handle.db;
  /** One request; the clock moves on a second, so audit entries keep their order. */
  const call = (who: SignedIn, method: string, path: string, body?: unknown) => {
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    return t.call(method, `${ORG}${path}`, body, who.headers);
  };
  /** The organisation tables and its audit entries, to compare before and after. */
  const tables = async () => ({
    units: await db().selectFrom('units').selectAll().orderBy('code').execute(),
    procedures: await db().selectFrom('procedures').selectAll().orderBy('code').execute(),
    officials: await db().selectFrom('officials').selectAll().orderBy('code').execute(),
  });
  const audits = () => db().selectFrom('audit_log').select(['actor', 'action', 'target', 'details']).where('action', '=', 'organisation.import').orderBy('at').orderBy('id').execute();
  async function upload(who: SignedIn, bytes: Uint8Array, name: string, query = 'dryRun=1') {
    const form = new FormData();
    form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
    const res = await t.app.request(`${ORG}/import?${query}`, { method: 'POST', headers: who.headers, body: form });
    return { status: res.status, body: (await res.json()) as any };
  }
  async function download(who: SignedIn, file: string) {
    const res = await t.app.request(`${ORG}/${file}`, { headers: who.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return { disposition: res.headers.get('content-disposition'), bytes: new Uint8Array(await res.arrayBuffer()) };
  }
  const reasonsOf = (res: { status: number; body: any }) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('organisation_refused');
    return (res.body.error.refusals as { list: string | null; line: number; reason: string }[]).map((r) => `${r.list}:${r.line}:${r.reason}`);
  };

  it('an admin changes one entry at a time: add, rename, move from a date, retire and bring back; each audited', async () => {
    t = await createTestApp(dialect, { now: NOW });
    const admin = await signIn(t, 'root', 'admin');
    const org = await call(admin, 'GET', '');
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({ root: null, canAddTop: true });
    expect(org.body.units.find((u: { code: string }) => u.code === 'MC-Q1')).toEqual({ code: 'MC-Q1', nameVi: 'Quầy số 1 - Đầu tư, Xây dựng', nameEn: 'Counter 1 – Investment and construction', kind: 'counter', parent: 'MC', order: 3, active: true,
      survey: null, asks: { surveyId: 'sipas-2017', parts: null, source: 'default', from: null },
    });
    expect(org.body.officials.find((o: { code: string }) => o.code === 'CB-01')).toEqual({ code: 'CB-01', fullName: 'Hoàng Thị Lan', unit: 'VP', counter: 'MC-Q1', active: true });
    expect(org.body.procedures).toHaveLength(9);

    const added = await call(admin, 'POST', '/units', { code: 'KH', nameVi: 'Phòng Kế hoạch', kind: 'department', parent: 'BQL', order: 9 });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ changed: true, items: [{ list: 'units', action: 'add', code: 'KH', nameVi: 'Phòng Kế hoạch', nameEn: 'Phòng Kế hoạch', fields: [], line: 0 }] });
    const renamed = await call(admin, 'PATCH', '/units/KH', { nameVi: 'Phòng Kế hoạch - Tổng hợp', nameEn: 'Planning Department' });
    expect(renamed.body.items[0]).toMatchObject({ action: 'change', fields: ['name_vi', 'name_en'] });
    const moved = await call(admin, 'PATCH', '/units/KH', { parent: 'TTCK', effectiveFrom: '2026-03-01' });
    expect(moved.status).toBe(200);
    expect(moved.body.items[0]).toMatchObject({ action: 'change', fields: ['parent'] });
    const back = await call(admin, 'PATCH', '/units/KH', { parent: 'BQL' }); // from today, by default
    expect(back.status).toBe(200);
    const tomorrow = await call(admin, 'PATCH', '/units/KH', { parent: 'TTCK', effectiveFrom: '2026-03-11' });
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.error.issues).toEqual([{ path: 'effectiveFrom', code: 'in_future', message: expect.any(String) }]);
    expect((await call(admin, 'PATCH', '/units/KH', { active: false })).body.items[0]).toMatchObject({ action: 'retire', fields: ['active'] });
    expect((await call(admin, 'GET', '')).body.units.find((u: { code: string }) => u.code === 'KH')).toMatchObject({ active: false, parent: 'BQL' });
    expect((await call(admin, 'PATCH', '/units/KH', { active: true })).body.items[0]).toMatchObject({ action: 'change', fields: ['active'] });

    // A procedure added, moved to another unit, retired.
    expect((await call(admin, 'POST', '/procedures', { code: '1.004227', nameVi: 'Đăng ký đầu tư bổ sung', fieldVi: 'Đầu tư', unit: 'QLDT', handlingDays: 15 })).status).toBe(201);
    expect((await call(admin, 'PATCH', '/procedures/1.004227', { unit: 'KH' })).body.items[0]).toMatchObject({ action: 'change', fields: ['unit'] });
    expect((await call(admin, 'PATCH', '/procedures/1.004227', { active: false })).body.items[0]).toMatchObject({ action: 'retire' });
    // An official added at a counter, moved to a department (leaving the counter), retired.
    expect((await call(admin, 'POST', '/officials', { code: 'CB-11', fullName: 'Mã Thị Duyên', unit: 'VP', counter: 'MC-Q2' })).status).toBe(201);
    expect((await db().selectFrom('officials').select('unit_code').where('code', '=', 'CB-11').executeTakeFirst())?.unit_code).toBe('MC-Q2');
    expect((await call(admin, 'PATCH', '/officials/CB-11', { unit: 'KH' })).body.items[0]).toMatchObject({ action: 'change', fields: ['unit'] });
    expect(await db().selectFrom('officials').select(['unit_code', 'active']).where('code', '=', 'CB-11').executeTakeFirst()).toEqual({ unit_code: 'KH', active: 1 });
    expect((await call(admin, 'PATCH', '/officials/CB-11', { active: false })).body.items[0]).toMatchObject({ action: 'retire' });

    // Nothing to change stores nothing and writes no audit entry; unknown codes are 404.
    const before = (await audits()).length;
    expect((await call(admin, 'PATCH', '/officials/CB-11', { fullName: 'Mã Thị Duyên' })).body).toEqual({ changed: false, items: [] });
    expect(await audits()).toHaveLength(before);
    expect((await call(admin, 'PATCH', '/units/NOPE', { nameVi: 'x' })).body.error.code).toBe('unknown_unit');
    expect((await call(admin, 'PATCH', '/procedures/NOPE', { nameVi: 'x' })).body.error.code).toBe('unknown_procedure');
    expect((await call(admin, 'PATCH', '/officials/NOPE', { fullName: 'x' })).status).toBe(404);
    expect((await call(admin, 'PATCH', '/units/KH', { code: 'KH2' })).status).toBe(400); // a code never changes

    const entries = await audits();
    expect(entries).toHaveLength(12);
    expect(entries.every((e) => e.actor === 'root')).toBe(true);
    expect(entries.map((e) => e.target)).toEqual([...Array(6).fill('staff page: units KH'), ...Array(3).fill('staff page: procedures 1.004227'), ...Array(3).fill('staff page: officials CB-11')]);
    const details = entries.map((e) => JSON.parse(e.details));
    // The move carries its date; a move without one applies from today in Vietnam.
    expect(details[2]).toMatchObject({ effectiveFrom: '2026-03-01', change: 1, items: [{ list: 'units', action: 'change', code: 'KH', fields: ['parent'] }] });
    expect(details[3]).toMatchObject({ effectiveFrom: '2026-03-10', items: [{ code: 'KH', fields: ['parent'] }] });

    // Viewers do not manage the organisation.
    const viewer = await signIn(t, 'lan', 'viewer', 'MC');
    expect((await call(viewer, 'GET', '')).body.error.code).toBe('forbidden');
  });

  it('refuses over HTTP for every reason the command line refuses a file, with sheet and line, and stores nothing', async () => {
    t = await createTestApp(dialect, { now: NOW });
    const admin = await signIn(t, 'root', 'admin');
    const manager = await signIn(t, 'xa', 'manager', 'XDD');
    const before = await tables();
    const seen = new Set<string>();
    const refused = (res: { status: number; body: any }) => {
      const reasons = reasonsOf(res);
      for (const r of reasons) seen.add(r.split(':')[2]!);
      return reasons;
    };

    // One entry from the page: the same checks, without a sheet line.
    expect(refused(await call(admin, 'POST', '/units', { code: 'MC', nameVi: 'Trùng mã', kind: 'centre', parent: 'BQL' }))).toEqual(['units:0:duplicate_code']);
    expect(refused(await call(admin, 'POST', '/units', { code: 'KH', nameVi: 'Phòng', kind: 'department', parent: 'NOPE' }))).toEqual(['units:0:unknown_parent']);
    const cycle = await call(admin, 'PATCH', '/units/VP', { parent: 'MC-Q1' });
    expect(refused(cycle)).toEqual(['units:0:cycle']);
    expect(cycle.body.error.refusals[0]).toEqual({ list: 'units', sheet: 'Đơn vị', line: 0, reason: 'cycle', message: expect.stringContaining('(cycle)'), params: { code: 'VP', path: 'VP → MC-Q1 → MC → VP' } });
    expect(refused(await call(admin, 'POST', '/procedures', { code: '1.000001', nameVi: 'Thủ tục', fieldVi: 'LV', unit: 'NOPE' }))).toEqual(['procedures:0:unknown_unit']);
    expect(refused(await call(admin, 'POST', '/officials', { code: 'CB-99', fullName: 'Ai đó', unit: 'BQL', counter: 'QLDT' }))).toEqual(['officials:0:not_a_counter']);
    const outside = await call(admin, 'PATCH', '/officials/CB-05', { counter: 'MC-Q1' }); // CB-05 is in QLDT
    expect(refused(outside)).toEqual(['officials:0:counter_outside_unit']);
    expect(outside.body.error.refusals[0].params).toEqual({ code: 'MC-Q1', unit: 'QLDT' });
    const retire = await call(admin, 'PATCH', '/units/MC', { active: false }); // its counters are still in service
    expect(refused(retire)).toEqual(['units:0:under_retired_unit', 'units:0:under_retired_unit']);
    expect(retire.body.error.refusals.map((r: { params: Record<string, string> }) => r.params)).toEqual([{ code: 'MC-Q1', unit: 'MC', below: 'units' }, { code: 'MC-Q2', unit: 'MC', below: 'units' }]);
    expect(refused(await call(admin, 'PATCH', '/units/XDD-Q1', { active: false }))).toEqual(['units:0:under_retired_unit']); // CB-09 sits there

    // Whole files, each problem at its sheet line.
    expect(refused(await upload(admin, csv('x'), 'to-chuc.xls'))).toEqual(['null:0:unreadable']);
    expect(refused(await upload(admin, csv('Tên,Mã\nA,B\n'), 'x.csv'))).toEqual(['null:0:unknown_list']);
    expect(refused(await upload(admin, csv('Mã đơn vị,Tên đơn vị\nA,B\n'), 'don-vi.csv'))).toEqual(['units:1:missing_column']);
    expect(refused(await upload(admin, csv('Mã cán bộ,Họ và tên,Mã đơn vị,Ghi chú\nCB-1,A,MC,\n'), 'can-bo.csv'))).toEqual(['officials:1:unknown_column']);
    const rows = await upload(admin, csv([
      'Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên,Thứ tự,Đang hoạt động',
      'A B,Có dấu cách,department,BQL,1,Có',
      'P2,,department,BQL,2,Có',
      'P3,Phòng 3,phong,BQL,3,Có',
      'P4,Phòng 4,department,BQL,một,Có',
      'P5,Phòng 5,department,BQL,5,Chưa rõ',
      'P6,Phòng 6,department,BQL,6,Có',
      'P6,Phòng 6 lặp,department,BQL,7,Có',
      'P8,Phòng 8,department,P9,8,Có',
      'P9,Phòng 9,department,P8,9,Có',
      'P10,Phòng 10,department,KHONG-CO,10,Có',
      'MC-Q1,Quầy số 1,counter,MC,3,Không',
    ].join('\n')), 'don-vi.csv');
    expect(refused(rows)).toEqual([
      'units:2:bad_code', 'units:3:missing_value', 'units:4:unknown_kind', 'units:5:bad_number', 'units:6:bad_active',
      'units:8:duplicate_code', 'units:9:cycle', 'units:10:cycle', 'units:11:unknown_parent', 'units:12:under_retired_unit', 'units:12:under_retired_unit',
    ]);
    expect(rows.body.error.refusals[3]).toEqual({ list: 'units', sheet: 'Đơn vị', line: 5, reason: 'bad_number', message: expect.any(String), params: { column: 'Thứ tự', value: 'một', min: 0, max: 100000 } });
    expect(rows.body.error.refusals[5].params).toEqual({ code: 'P6', line: 7 });
    const officials = await upload(admin, csv('Mã cán bộ,Họ và tên,Mã đơn vị,Mã quầy\nCB-20,A,NOPE,\nCB-21,B,QLDT,MC-Q1\nCB-22,C,BQL,QLDT\n'), 'can-bo.csv');
    expect(refused(officials)).toEqual(['officials:2:unknown_unit', 'officials:3:counter_outside_unit', 'officials:4:not_a_counter']);
    // A manager's file may name only their units.
    const foreign = await upload(manager, csv('Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên\nXDD-Q1,Quầy 1,counter,XDD\nQLDT,Phòng bị đổi tên,department,BQL\n'), 'don-vi.csv');
    expect(refused(foreign)).toEqual(['units:3:out_of_scope']);
    expect(foreign.body.error.refusals[0].params).toEqual({ code: 'QLDT' });

    expect([...seen].sort()).toEqual([...REFUSAL_REASONS].sort());
    expect(await tables()).toEqual(before);
    expect(await audits()).toEqual([]);
  });

  it('keeps a manager to the units at and below their own: every way out is refused and nothing outside changes', async () => {
    t = await createTestApp(dialect, { now: NOW });
    const manager = await signIn(t, 'xa', 'manager', 'XDD'); // the commune centre: XDD, XDD-Q1, XDD-Q2
    const admin = await signIn(t, 'root', 'admin');

    const own = await call(manager, 'GET', '');
    expect(own.body.root).toBe('XDD');
    expect(own.body.canAddTop).toBe(false);
    expect(own.body.units.map((u: { code: string }) => u.code)).toEqual(['XDD', 'XDD-Q1', 'XDD-Q2']);
    expect(own.body.procedures.map((p: { code: string }) => p.code)).toEqual(['HT-01']);
    expect(own.body.officials.map((o: { code: string }) => o.code)).toEqual(['CB-09', 'CB-10']);
    // Within their units they change what they like.
    expect((await call(manager, 'PATCH', '/units/XDD', { nameVi: 'Trung tâm phục vụ hành chính công xã Đồng Đăng (mới)' })).status).toBe(200);
    expect((await call(manager, 'POST', '/units', { code: 'XDD-Q3', nameVi: 'Quầy số 3', kind: 'counter', parent: 'XDD', order: 23 })).status).toBe(201);
    expect((await call(manager, 'PATCH', '/officials/CB-09', { counter: 'XDD-Q3' })).status).toBe(200);
    expect((await call(manager, 'POST', '/procedures', { code: '1.001193', nameVi: 'Đăng ký kết hôn', fieldVi: 'Hộ tịch', unit: 'XDD' })).status).toBe(201);
    const snapshot = await tables();
    const audited = (await audits()).length;

    const attacks: [string, string, unknown][] = [
      ['PATCH', '/units/QLDT', { nameVi: 'Bị đổi tên' }], // a foreign unit renamed
      ['PATCH', '/units/QLDT', { active: false }], // … retired
      ['PATCH', '/units/QLDT', { parent: 'XDD' }], // … pulled in under one's own
      ['PATCH', '/units/XDD-Q1', { parent: 'BQL' }], // one's own unit moved out
      ['PATCH', '/units/XDD', { parent: 'BQL' }], // one's own top unit put under another
      ['POST', '/units', { code: 'X1', nameVi: 'Phòng lạ', kind: 'department', parent: 'BQL' }], // a unit added elsewhere
      ['POST', '/units', { code: 'X2', nameVi: 'Cơ quan mới', kind: 'agency', parent: null }], // a new top unit
      ['PATCH', '/procedures/DT-01', { nameVi: 'Bị đổi tên' }],
      ['PATCH', '/procedures/HT-01', { unit: 'QLDT' }], // one's own procedure handed elsewhere
      ['POST', '/procedures', { code: '1.009999', nameVi: 'Thủ tục lạ', fieldVi: 'Đầu tư', unit: 'QLDT' }],
      ['PATCH', '/officials/CB-05', { fullName: 'Bị đổi tên' }],
      ['PATCH', '/officials/CB-05', { active: false }],
      ['PATCH', '/officials/CB-10', { unit: 'QLDT' }], // one's own official moved elsewhere
      ['PATCH', '/officials/CB-10', { unit: 'VP', counter: 'MC-Q1' }], // … to a foreign counter
      ['POST', '/officials', { code: 'CB-66', fullName: 'Người lạ', unit: 'VP', counter: 'MC-Q2' }],
    ];
    for (const [method, path, body] of attacks) {
      const res = await call(manager, method, path, body);
      expect([method, path, res.status, res.body.error?.code]).toEqual([method, path, 403, 'unit_out_of_scope']);
    }
    // The same through a workbook: their own export with a foreign row added.
    const mine = await download(manager, 'export.xlsx');
    expect((await sheetsOf(mine.bytes))['Đơn vị']!.map((r) => r[0])).toEqual(['Mã đơn vị', 'XDD', 'XDD-Q1', 'XDD-Q2', 'XDD-Q3']);
    const extended = await fillIn(mine.bytes, { 'Đơn vị': [['QLDT', 'Phòng bị đổi tên', '', 'department', 'BQL', 5, 'Có']], 'Cán bộ': [['CB-05', 'Nguyễn Minh Tuấn', 'QLDT', '', 'Có']] });
    expect(reasonsOf(await upload(manager, extended, 'to-chuc.xlsx', 'dryRun=0'))).toEqual(['units:6:out_of_scope', 'officials:4:out_of_scope']);
    // The admin's whole export is not theirs either.
    const whole = await download(admin, 'export.xlsx');
    expect(reasonsOf(await upload(manager, whole.bytes, 'to-chuc.xlsx', 'dryRun=0')).length).toBeGreaterThan(10);
    expect(await tables()).toEqual(snapshot);
    expect(await audits()).toHaveLength(audited);

    // An official at a counter of the one-stop desk belongs to its manager, though the counter's unit (VP) does not.
    const desk = await signIn(t, 'hoa', 'manager', 'MC');
    expect((await call(desk, 'GET', '')).body.officials.map((o: { code: string }) => o.code)).toEqual(['CB-01', 'CB-02', 'CB-03', 'CB-04']);
    expect((await call(desk, 'PATCH', '/officials/CB-01', { fullName: 'Hoàng Thị Lan Anh' })).status).toBe(200);
    expect((await call(desk, 'PATCH', '/officials/CB-01', { unit: 'MC', counter: 'MC-Q2' })).status).toBe(200);
    expect((await db().selectFrom('officials').select('unit_code').where('code', '=', 'CB-01').executeTakeFirst())?.unit_code).toBe('MC-Q2');
    expect((await call(desk, 'PATCH', '/units/MC', { parent: 'BQL' })).status).toBe(403);
  });

  it('previews a workbook without changing anything, applies exactly the preview, and refuses a preview the organisation has outgrown', async () => {
    t = await createTestApp(dialect, { now: NOW });
    const admin = await signIn(t, 'root', 'admin');
    const exported = await download(admin, 'export.xlsx');
    expect(exported.disposition).toBe('attachment; filename="to-chuc-2026-03-10.xlsx"');
    const template = await download(admin, 'template.xlsx');
    expect(template.disposition).toBe('attachment; filename="mau-to-chuc.xlsx"');
    expect(Object.keys(await sheetsOf(template.bytes))).toEqual(['Đơn vị', 'Thủ tục', 'Cán bộ']);

    const edited = new ExcelJS.Workbook();
    await edited.xlsx.load(Buffer.from(exported.bytes) as unknown as ArrayBuffer);
    edited.getWorksheet('Đơn vị')!.addRow(['KH', 'Phòng Kế hoạch', 'Planning Department', 'department', 'BQL', 9, 'Có']);
    edited.getWorksheet('Cán bộ')!.getCell('B2').value = 'Hoàng Thị Lan Anh'; // CB-01
    edited.getWorksheet('Cán bộ')!.getCell('E9').value = 'Không'; // CB-08 retires
    const file = Buffer.from(await edited.xlsx.writeBuffer());

    const before = await sheetsOf((await download(admin, 'export.xlsx')).bytes);
    const preview = await upload(admin, file, 'to-chuc.xlsx');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ fileName: 'to-chuc.xlsx', applied: false, counts: { add: 1, change: 1, retire: 1 }, lists: ['units', 'procedures', 'officials'] });
    expect(preview.body.items).toEqual([
      { list: 'units', action: 'add', code: 'KH', nameVi: 'Phòng Kế hoạch', nameEn: 'Planning Department', fields: [], line: 14 },
      { list: 'officials', action: 'change', code: 'CB-01', nameVi: 'Hoàng Thị Lan Anh', nameEn: 'Hoàng Thị Lan Anh', fields: ['full_name'], line: 2 },
      { list: 'officials', action: 'retire', code: 'CB-08', nameVi: 'Triệu Thị Mai', nameEn: 'Triệu Thị Mai', fields: ['active'], line: 9 },
    ]);
    expect(preview.body.planHash).toMatch(/^[0-9a-f]{64}$/);
    // The dry run changed nothing: the organisation exports the same, and nothing is audited.
    expect(await sheetsOf((await download(admin, 'export.xlsx')).bytes)).toEqual(before);
    expect(await audits()).toEqual([]);

    // Applying another plan than the one previewed is refused.
    const wrong = await upload(admin, file, 'to-chuc.xlsx', `dryRun=0&planHash=${'0'.repeat(64)}`);
    expect([wrong.status, wrong.body.error.code]).toEqual([409, 'plan_changed']);
    const applied = await upload(admin, file, 'to-chuc.xlsx', `dryRun=0&planHash=${preview.body.planHash}`);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: true, planHash: preview.body.planHash, counts: { add: 1, change: 1, retire: 1 } });
    expect(await db().selectFrom('officials').select(['full_name', 'active']).where('code', 'in', ['CB-01', 'CB-08']).orderBy('code').execute()).toEqual([{ full_name: 'Hoàng Thị Lan Anh', active: 1 }, { full_name: 'Triệu Thị Mai', active: 0 }]);
    const [entry] = await audits();
    expect(entry).toMatchObject({ actor: 'root', target: 'to-chuc.xlsx' });
    expect(JSON.parse(entry!.details)).toMatchObject({ source: 'to-chuc.xlsx', add: 1, change: 1, retire: 1 });

    // Previewed, then someone else changes the organisation: the preview no longer holds.
    const rename = csv('Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên\nKH,Phòng Kế hoạch - Đầu tư,department,BQL\n');
    const seen = await upload(admin, rename, 'don-vi.csv');
    expect(seen.body.items.map((i: { code: string; fields: string[] }) => [i.code, i.fields])).toEqual([['KH', ['name_vi']]]);
    const other = await signIn(t, 'other', 'admin');
    expect((await call(other, 'PATCH', '/units/KH', { parent: 'TTCK' })).status).toBe(200);
    const afterOther = await tables();
    const stale = await upload(admin, rename, 'don-vi.csv', `dryRun=0&planHash=${seen.body.planHash}`);
    expect([stale.status, stale.body.error.code]).toEqual([409, 'plan_changed']);
    expect(await tables()).toEqual(afterOther);

    // The file may also come as the body itself, named by ?fileName=; a missing file is named.
    const raw = await t.app.request(`${ORG}/import?dryRun=1&fileName=don-vi.csv`, { method: 'POST', headers: { ...admin.headers, 'content-type': 'text/csv' }, body: rename });
    expect(((await raw.json()) as any).items.map((i: { code: string; fields: string[] }) => [i.code, i.fields])).toEqual([['KH', ['name_vi', 'parent']]]);
    const none = await t.app.request(`${ORG}/import?dryRun=1`, { method: 'POST', headers: admin.headers, body: new FormData() });
    expect(((await none.json()) as any).error.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`)).toEqual(['file:missing_required']);
  });

  it('takes a workbook larger than other requests may be, up to its own limit', async () => {
    t = await createTestApp(dialect, { now: NOW });
    const admin = await signIn(t, 'root', 'admin');
    const lines = ['Mã thủ tục,Tên thủ tục,Lĩnh vực,Mã đơn vị giải quyết,Thời hạn giải quyết (ngày)'];
    for (let i = 0; i < 2500; i++) lines.push(`2.${String(i).padStart(6, '0')},Thủ tục hành chính số ${i} về cấp giấy phép và xác nhận hồ sơ của doanh nghiệp,Đầu tư,QLDT,15`);
    const big = csv(`${lines.join('\n')}\n`);
    expect(big.length).toBeGreaterThan(256 * 1024);
    const preview = await upload(admin, big, 'thu-tuc.csv');
    expect([preview.status, preview.body.counts]).toEqual([200, { add: 2500, change: 0, retire: 0 }]);
    const huge = await upload(admin, new Uint8Array(2 * 1024 * 1024 + 1), 'thu-tuc.csv');
    expect([huge.status, huge.body.error.code]).toEqual([413, 'payload_too_large']);
    // Other routes keep the general limit.
    expect((await call(admin, 'POST', '/units', { code: 'KH', nameVi: 'x'.repeat(300 * 1024), kind: 'department', parent: 'BQL' })).status).toBe(413);
  });

  it('on an empty database tells the admin to set up the office, which the template then does', async () => {
    t = await createTestApp(dialect, { seed: false, now: NOW });
    const admin = await signIn(t, 'root', 'admin');
    expect((await t.call('GET', '/api/staff/session', undefined, admin.headers)).body.organisationEmpty).toBe(true);
    expect((await t.call('GET', '/api/staff/me', undefined, admin.headers)).body.organisationEmpty).toBe(true);
    expect((await call(admin, 'GET', '')).body).toEqual({ root: null, canAddTop: true, units: [], procedures: [], officials: [], surveys: expect.any(Array) });

    const template = (await download(admin, 'template.xlsx')).bytes;
    const filled = await fillIn(template, { 'Đơn vị': [['TTHCC-Q2', 'Quầy số 2 - Đất đai', '', 'counter', 'TTHCC', 2, 'Có']], 'Cán bộ': [['CB-002', 'Lý Văn Tài', 'TTHCC', 'TTHCC-Q2', 'Có']] });
    const preview = await upload(admin, filled, 'to-chuc.xlsx');
    expect(preview.body.counts).toEqual({ add: 6, change: 0, retire: 0 });
    expect((await upload(admin, filled, 'to-chuc.xlsx', `dryRun=0&planHash=${preview.body.planHash}`)).body.applied).toBe(true);
    expect((await t.call('GET', '/api/staff/session', undefined, admin.headers)).body.organisationEmpty).toBe(false);
    const login = await t.call('POST', '/api/staff/login', { username: 'root', password: 'root-password-1' });
    expect(login.body.organisationEmpty).toBe(false);
    // The office registers a kiosk for one of its new counters, as it always could.
    const device = await registerTestDevice(t, { unit: 'TTHCC-Q2', official: 'CB-002' }, admin);
    expect(device.code).toBeTruthy();
  });
});

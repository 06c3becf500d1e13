// An office brings in its own organisation: the template filled in Excel, imported into an empty
// database, answered, exported and imported back; a dry run that stores nothing; a bad file
// refused whole; retired officials and units that take no new answers while their past stays.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { countPlan } from '../../server/organisation/plan-organisation';
import { importOrganisation } from '../../server/organisation/import-organisation';
import { organisationWorkbook, TEMPLATE_EXAMPLE } from '../../server/organisation/organisation-workbook';
import { readStoredOrganisation } from '../../server/organisation/stored-organisation';
import { registerTestDevice } from '../helpers/kiosk-device';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { signIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

const NOW = new Date('2026-03-10T03:00:00Z');
const paper = (overrides: Record<string, unknown>) => ({ id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 3 }, channel: 'paper', ...overrides });

/** Adds rows to the named sheets of a workbook, as a person filling it in would. */
async function fillIn(bytes: Buffer, rows: Record<string, (string | number)[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const [sheet, added] of Object.entries(rows)) for (const row of added) workbook.getWorksheet(sheet)!.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(dialects)('an office sets up its own organisation on %s', (dialect) => {
  let t: TestApp;
  afterEach(() => t.close());
  const db = () => t.database.handle.db;
  /** Everything an import may touch, to compare before and after. */
  const tables = async () => ({
    units: await db().selectFrom('units').selectAll().orderBy('code').execute(),
    procedures: await db().selectFrom('procedures').selectAll().orderBy('code').execute(),
    officials: await db().selectFrom('officials').selectAll().orderBy('code').execute(),
    audit: await db().selectFrom('audit_log').select(['action', 'target']).where('action', 'like', 'organisation.%').execute(),
  });
  const run = (bytes: Uint8Array, name: string, dryRun = false) => importOrganisation(db(), bytes, name, { dryRun, actor: 'test', now: t.clock.now });

  it('template → filled in → empty database → an answer naming the new unit and official → export → import again changes nothing', async () => {
    t = await createTestApp(dialect, { seed: false, now: NOW });
    expect((await tables()).units).toEqual([]);
    const filled = await fillIn(await organisationWorkbook(TEMPLATE_EXAMPLE), {
      'Đơn vị': [['TTHCC-Q2', 'Quầy số 2 - Đất đai', '', 'counter', 'TTHCC', 2, 'Có']],
      'Thủ tục': [['1.004227', 'Đăng ký đất đai lần đầu', '', 'Đất đai', '', 'TTHCC', 30, '']],
      'Cán bộ': [['CB-002', 'Lý Văn Tài', 'TTHCC', 'TTHCC-Q2', 'Có']],
    });

    const before = await tables();
    const dry = await run(filled, 'to-chuc.xlsx', true);
    expect(dry.ok && countPlan(dry.plan)).toEqual({ add: 7, change: 0, retire: 0 });
    expect(await tables()).toEqual(before); // the dry run stored nothing, not even an audit entry

    const applied = await run(filled, 'to-chuc.xlsx');
    expect(applied.ok && applied.applied).toBe(true);
    const after = await tables();
    expect(after.units.map((u) => [u.code, u.parent_code, u.kind, u.active])).toEqual([['TTHCC', null, 'centre', 1], ['TTHCC-Q1', 'TTHCC', 'counter', 1], ['TTHCC-Q2', 'TTHCC', 'counter', 1]]);
    expect(after.procedures.map((p) => [p.code, p.unit_code, p.handling_days])).toEqual([['1.001234', 'TTHCC', 1], ['1.004227', 'TTHCC', 30]]);
    expect(after.officials.map((o) => [o.code, o.full_name, o.unit_code])).toEqual([['CB-001', 'Nguyễn Thị Hà', 'TTHCC-Q1'], ['CB-002', 'Lý Văn Tài', 'TTHCC-Q2']]);
    expect(after.audit).toEqual([{ action: 'organisation.import', target: 'to-chuc.xlsx' }]);

    const admin = await signIn(t, 'typist', 'admin');
    const answer = paper({ unit: 'TTHCC-Q2', procedure: '1.004227', official: 'CB-002' });
    expect((await t.call('POST', '/api/responses', answer, admin.headers)).status).toBe(201);
    const stored = await db().selectFrom('responses').select(['unit_code', 'procedure_code', 'official_code']).execute();
    expect(stored).toEqual([{ unit_code: 'TTHCC-Q2', procedure_code: '1.004227', official_code: 'CB-002' }]);

    const exported = await organisationWorkbook(await readStoredOrganisation(db()));
    const again = await run(exported, 'export.xlsx', true);
    expect(again).toMatchObject({ ok: true, plan: [] });
    // Edited in Excel: one official renamed is one change, nothing else.
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.load(exported as unknown as ArrayBuffer);
    edited.getWorksheet('Cán bộ')!.getCell('B3').value = 'Lý Văn Tài (Phó Giám đốc)';
    const change = await run(Buffer.from(await edited.xlsx.writeBuffer()), 'export.xlsx');
    expect(change.ok && change.plan.map((i) => [i.action, i.entry.code, i.fields])).toEqual([['change', 'CB-002', ['full_name']]]);
  });

  it('refuses the whole file, with the sheet line of each problem, and stores nothing', async () => {
    t = await createTestApp(dialect, { seed: false, now: NOW });
    const bad = await fillIn(await organisationWorkbook(TEMPLATE_EXAMPLE), {
      'Đơn vị': [['TTHCC', 'Trùng mã', '', 'centre', '', 0, '']],
      'Cán bộ': [['CB-003', 'Không có đơn vị', 'PHONG-X', '', '']],
    });
    const before = await tables();
    const outcome = await run(bad, 'to-chuc.xlsx');
    expect(outcome.ok === false && outcome.refusals.map((r) => `${r.list}:${r.line}:${r.reason}`)).toEqual(['units:4:duplicate_code', 'officials:3:unknown_unit']);
    expect(await tables()).toEqual(before);
  });

  it('takes nothing new for a retired official or unit, and keeps what they were given before', async () => {
    t = await createTestApp(dialect, { now: NOW }); // the demo organisation
    const admin = await signIn(t, 'typist', 'admin');
    const { headers: oneStop } = await apiKeyHeaders(t, ['BQL']);
    const past = paper({ unit: 'MC-Q1', official: 'CB-01' });
    expect((await t.call('POST', '/api/responses', past, admin.headers)).status).toBe(201);
    const invited = await t.call('POST', '/api/invitations', invitationRequest(), oneStop); // CB-01 at MC-Q1
    expect(invited.status).toBe(201);

    const csv = (text: string) => new TextEncoder().encode(text);
    const retired = await run(csv('Mã cán bộ,Họ và tên,Mã đơn vị,Mã quầy,Đang hoạt động\nCB-01,Hoàng Thị Lan,MC,MC-Q1,Không\nCB-08,Triệu Thị Mai,TTCK,,Không\n'), 'can-bo.csv');
    expect(retired.ok && retired.plan.map((i) => [i.action, i.entry.code, i.fields])).toEqual([['retire', 'CB-01', ['active']], ['retire', 'CB-08', ['active']]]);
    const units = await run(csv('Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên,Đang hoạt động\nTTCK,Trung tâm Quản lý cửa khẩu,centre,BQL,Không\n'), 'don-vi.csv');
    // The CSV leaves out the English name and the order: they stay as stored.
    expect(units.ok && units.plan.map((i) => [i.action, i.entry.code, i.fields])).toEqual([['retire', 'TTCK', ['active']]]);
    expect(await db().selectFrom('units').select(['name_en', 'sort_order', 'active']).where('code', '=', 'TTCK').executeTakeFirst()).toEqual({ name_en: 'Border-Gate Management Centre', sort_order: 8, active: 0 });

    const refused = async (res: { status: number; body: any }) => [res.status, res.body.error.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`)];
    expect(await refused(await t.call('POST', '/api/responses', paper({ unit: 'MC-Q1', official: 'CB-01' }), admin.headers))).toEqual([400, ['official:official_retired']]);
    expect(await refused(await t.call('POST', '/api/responses', paper({ unit: 'TTCK' }), admin.headers))).toEqual([400, ['unit:unit_retired']]);
    expect(await refused(await t.call('POST', '/api/invitations', invitationRequest(), oneStop))).toEqual([400, ['official:official_retired']]);
    expect(await refused(await t.call('POST', '/api/invitations', invitationRequest({ unit: 'TTCK' }), oneStop))).toEqual([400, ['unit:unit_retired']]);
    await expect(registerTestDevice(t, { unit: 'MC-Q1', official: 'CB-01' }, admin)).rejects.toThrow(/official_retired/);
    await expect(registerTestDevice(t, { unit: 'TTCK' }, admin)).rejects.toThrow(/unit_retired/);

    // The dossier handled before CB-01 left can still be rated, and the past answer keeps its official.
    const late = await t.call('POST', `/api/invitation-tokens/${invited.body.token}/responses`, { id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 2 } });
    expect(late.status).toBe(201);
    const rows = await db().selectFrom('responses').select(['id', 'official_code']).where('official_code', '=', 'CB-01').execute();
    expect(rows.map((r) => r.id).sort()).toEqual([past.id, late.body.id].sort());
    expect((await db().selectFrom('officials').selectAll().where('code', '=', 'CB-01').executeTakeFirst())?.active).toBe(0);
  });
});

// Every reason an organisation file is refused, with the sheet line a person looks for, and the
// plan a good file makes against what is stored (add, change, retire; nothing deleted).
import { describe, expect, it } from 'vitest';
import type { OrganisationFile, OrganisationState } from '../../server/organisation/entries';
import { OFFICIAL_COLUMNS, PROCEDURE_COLUMNS, UNIT_COLUMNS } from '../../server/organisation/layout';
import { parseList } from '../../server/organisation/parse-list';
import { describePlan, planOrganisation } from '../../server/organisation/plan-organisation';
import { readOrganisationFile } from '../../server/organisation/read-organisation-file';
import { validateOrganisation } from '../../server/organisation/validate-organisation';

const UNIT_HEAD = UNIT_COLUMNS.map((c) => c.header);
const PROC_HEAD = PROCEDURE_COLUMNS.map((c) => c.header);
const OFF_HEAD = OFFICIAL_COLUMNS.map((c) => c.header);
/** Records as a reader returns them: the header on line 1, then one row a line. */
const records = (header: string[], rows: string[][]) => [header, ...rows].map((cells, i) => ({ line: i + 1, cells }));

const STORED: OrganisationState = {
  units: [
    { code: 'UB', name_vi: 'Ủy ban', name_en: 'Committee', kind: 'agency', parent: null, order: 0, active: true },
    { code: 'TT', name_vi: 'Trung tâm', name_en: 'Centre', kind: 'centre', parent: 'UB', order: 1, active: true },
    { code: 'Q1', name_vi: 'Quầy 1', name_en: 'Counter 1', kind: 'counter', parent: 'TT', order: 2, active: true },
    { code: 'PK', name_vi: 'Phòng Kinh tế', name_en: 'Economy', kind: 'department', parent: 'UB', order: 3, active: true },
  ],
  procedures: [{ code: '1.001234', name_vi: 'Khai sinh', name_en: 'Birth', field_vi: 'Hộ tịch', field_en: 'Civil status', unit: 'TT', handling_days: 1, active: true }],
  officials: [{ code: 'CB-1', full_name: 'Lê Thị Hoa', unit: 'TT', counter: 'Q1', active: true }],
};
const none: OrganisationFile = { units: [], procedures: [], officials: [] };

/** What a person reads: sheet list, line and reason. */
const reasons = (refusals: { list: string | null; line: number; reason: string }[]) => refusals.map((r) => `${r.list}:${r.line}:${r.reason}`);

describe('reading one list', () => {
  it('reads a unit, a procedure with a national code and an official, NFC and trimmed, Có/Không for active', () => {
    const units = parseList('units', records(UNIT_HEAD, [['XA', ' Trung tâm xa\u0303 ', '', 'centre', '', '4', 'Không']]));
    expect(units.refusals).toEqual([]);
    expect(units.entries).toEqual([{ line: 2, entry: { code: 'XA', name_vi: 'Trung tâm xã', name_en: 'Trung tâm xã', kind: 'centre', parent: null, order: 4, active: false } }]);
    const procedures = parseList('procedures', records(PROC_HEAD, [['1.001234', 'Khai sinh', '', 'Hộ tịch', '', 'XA', '3', '']]));
    expect(procedures.entries[0]!.entry).toMatchObject({ code: '1.001234', unit: 'XA', handling_days: 3, active: true });
    // Columns in another order and headers typed in another case still match.
    const officials = parseList('officials', records(['mã cán bộ', 'Mã đơn vị', 'Họ và tên'], [['CB-9', 'XA', 'Vi Văn Nam']]));
    expect(officials.entries[0]!.entry).toEqual({ code: 'CB-9', full_name: 'Vi Văn Nam', unit: 'XA', counter: null, active: true });
  });

  it('refuses each bad cell at its line, and skips blank rows without counting them wrong', () => {
    const parsed = parseList('units', records(UNIT_HEAD, [
      ['A B', 'Tên', '', 'centre', '', '', ''], // line 2: bad code
      ['X1', '', '', 'centre', '', '', ''], // line 3: no name
      ['X2', 'Tên', '', 'ward', '', '', ''], // line 4: unknown kind
      ['X3', 'Tên', '', 'centre', '', 'một', ''], // line 5: bad number
      ['X4', 'Tên', '', 'centre', '', '', 'có lẽ'], // line 6: bad active
      ['', '', '', '', '', '', ''], // line 7: blank
      ['X5', 'Tên', '', 'centre', '', '2', 'Có'], // line 8: fine
    ]));
    expect(reasons(parsed.refusals)).toEqual(['units:2:bad_code', 'units:3:missing_value', 'units:4:unknown_kind', 'units:5:bad_number', 'units:6:bad_active']);
    expect(parsed.entries.map((e) => e.line)).toEqual([8]);
    expect(parsed.refusals[3]!.message).toContain('"một"');
    expect(reasons(parseList('procedures', records(PROC_HEAD, [['P1', 'Tên', '', 'LV', '', 'TT', '2.5', '']])).refusals)).toEqual(['procedures:2:bad_number']);
  });

  it('refuses a header with a column missing or one the template does not have', () => {
    expect(reasons(parseList('units', records(UNIT_HEAD.filter((h) => h !== 'Loại đơn vị'), [])).refusals)).toEqual(['units:1:missing_column']);
    expect(reasons(parseList('officials', records([...OFF_HEAD, 'Ghi chú'], [])).refusals)).toEqual(['officials:1:unknown_column']);
  });
});

describe('checking a file against the stored organisation', () => {
  const file = (parts: Partial<Record<'units' | 'procedures' | 'officials', string[][]>>): OrganisationFile => ({
    units: parts.units ? parseList('units', records(UNIT_HEAD, parts.units)).entries : [],
    procedures: parts.procedures ? parseList('procedures', records(PROC_HEAD, parts.procedures)).entries : [],
    officials: parts.officials ? parseList('officials', records(OFF_HEAD, parts.officials)).entries : [],
  });

  it('accepts units placed under stored ones and under units of the same file, in any row order', () => {
    const f = file({ units: [['Q2', 'Quầy 2', '', 'counter', 'XA', '', ''], ['XA', 'Xã', '', 'centre', 'UB', '', '']], officials: [['CB-2', 'Tên', 'XA', 'Q2', '']] });
    expect(validateOrganisation(f, STORED)).toEqual([]);
  });

  it('refuses a duplicate code, an unknown parent and a cycle (through stored units too)', () => {
    const f = file({ units: [
      ['N1', 'A', '', 'office', 'NOPE', '', ''], // 2: unknown parent
      ['N1', 'B', '', 'office', 'UB', '', ''], // 3: duplicate
      ['UB', 'Ủy ban', '', 'agency', 'Q1', '', ''], // 4: UB under its own counter: UB → Q1 → TT → UB
      ['S', 'Tự', '', 'office', 'S', '', ''], // 5: under itself
    ] });
    expect(reasons(validateOrganisation(f, STORED))).toEqual(['units:2:unknown_parent', 'units:3:duplicate_code', 'units:4:cycle', 'units:5:cycle']);
  });

  it('refuses a procedure or an official whose unit is missing, a counter that is not one or sits elsewhere', () => {
    const f = file({
      procedures: [['P9', 'Tên', '', 'LV', '', 'NOWHERE', '', '']],
      officials: [
        ['CB-7', 'Tên', 'GONE', '', ''], // 2: unit missing
        ['CB-8', 'Tên', 'TT', 'PK', ''], // 3: PK is a department
        ['CB-9', 'Tên', 'PK', 'Q1', ''], // 4: Q1 is under TT, not PK
        ['CB-6', 'Tên', 'TT', 'Q7', ''], // 5: counter missing
      ],
    });
    expect(reasons(validateOrganisation(f, STORED))).toEqual([
      'procedures:2:unknown_unit', 'officials:2:unknown_unit', 'officials:3:not_a_counter', 'officials:4:counter_outside_unit', 'officials:5:unknown_unit',
    ]);
  });

  it('refuses to leave anything in service under a unit the file retires, wherever it is listed', () => {
    // The stored official CB-1 sits at Q1, under TT: retiring TT alone leaves Q1 and CB-1 and the procedure in service.
    const retireTT = file({ units: [['TT', 'Trung tâm', '', 'centre', 'UB', '', 'Không']] });
    expect(reasons(validateOrganisation(retireTT, STORED))).toEqual(['units:2:under_retired_unit', 'units:2:under_retired_unit']);
    const listed = file({ units: [['Q1', 'Quầy 1', '', 'counter', 'TT', '', 'Không']], officials: [['CB-1', 'Lê Thị Hoa', 'TT', 'Q1', 'Có']] });
    expect(reasons(validateOrganisation(listed, STORED))).toEqual(['officials:2:under_retired_unit']);
    const whole = file({ units: [['Q1', 'Quầy 1', '', 'counter', 'TT', '', 'Không']], officials: [['CB-1', 'Lê Thị Hoa', 'TT', 'Q1', 'Không']] });
    expect(validateOrganisation(whole, STORED)).toEqual([]);
  });
});

describe('reading a file', () => {
  const csv = (text: string) => new TextEncoder().encode(text);

  it('tells a CSV list by the header of its first column', async () => {
    const read = await readOrganisationFile(csv(`${PROC_HEAD.join(',')}\n1.002,Kết hôn,,Hộ tịch,,TT,5,\n`), 'thu-tuc.csv');
    expect(read.lists).toEqual(['procedures']);
    expect(read.file.procedures[0]!.entry.code).toBe('1.002');
  });

  it('refuses a CSV of no known list, and a file it cannot read, for the whole file', async () => {
    expect(reasons((await readOrganisationFile(csv('Tên,Mã\nA,B\n'), 'x.csv')).refusals)).toEqual(['null:0:unknown_list']);
    expect(reasons((await readOrganisationFile(csv('x'), 'to-chuc.xls')).refusals)).toEqual(['null:0:unreadable']);
  });

  it('reads Excel\'s "Unicode text" (UTF-16, tab separated) as the paper-form import does', async () => {
    const text = `\ufeff${OFF_HEAD.join('\t')}\r\nCB-5\tĐỗ Thị Hằng\tTT\t\t\r\n`;
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
    const read = await readOrganisationFile(bytes, 'can-bo.txt');
    expect(read.refusals).toEqual([]);
    expect(read.file.officials[0]!.entry.full_name).toBe('Đỗ Thị Hằng');
  });
});

describe('the plan', () => {
  const entry = <T>(e: T, line = 2) => ({ line, entry: e });
  it('adds new codes, changes what differs, retires what the file marks inactive, leaves the rest', () => {
    const f: OrganisationFile = {
      ...none,
      units: [
        entry({ ...STORED.units[1]!, name_vi: 'Trung tâm phục vụ hành chính công' }, 2), // change
        entry({ ...STORED.units[3]! }, 3), // same: nothing
        entry({ code: 'XA', name_vi: 'Xã', name_en: 'Xã', kind: 'centre', parent: 'UB', order: 9, active: true }, 4), // add
      ],
      procedures: [entry({ ...STORED.procedures[0]!, active: false })], // retire
      officials: [entry({ ...STORED.officials[0]!, unit: 'TT', counter: null })], // moves from Q1 to TT
    };
    const plan = planOrganisation(f, STORED);
    expect(plan.map((i) => [i.list, i.action, i.entry.code, i.fields])).toEqual([
      ['units', 'change', 'TT', ['name_vi']],
      ['units', 'add', 'XA', []],
      ['procedures', 'retire', '1.001234', ['active']],
      ['officials', 'change', 'CB-1', ['unit']],
    ]);
    expect(describePlan(plan)).toEqual([
      '  thêm đơn vị XA (Xã) — dòng 4',
      '  sửa đơn vị TT (Trung tâm phục vụ hành chính công) [name_vi] — dòng 2',
      '  sửa cán bộ CB-1 (Lê Thị Hoa) [unit] — dòng 2',
      '  ngừng thủ tục 1.001234 (Khai sinh) [active] — dòng 2',
    ]);
  });

  it('is empty for a file that states what is stored, whether an official is given as unit + counter or as the counter', () => {
    const same: OrganisationFile = {
      units: STORED.units.map((u, i) => entry(u, i + 2)),
      procedures: STORED.procedures.map((p) => entry(p)),
      officials: [entry({ ...STORED.officials[0]!, unit: 'Q1', counter: null })],
    };
    expect(planOrganisation(same, STORED)).toEqual([]);
    expect(planOrganisation(none, STORED)).toEqual([]);
  });
});

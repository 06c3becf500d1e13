// The organisation workbook an office fills in and gets back: three sheets in the layout's order,
// Vietnamese headers on row 1 (frozen, repeated when printed), drop-down lists for kinds, "active"
// and unit codes, code columns kept as text (so 1.001230 is not turned into the number 1.00123).
import type ExcelJS from 'exceljs';
import { BORDER, columnLetter, printOptions } from '../exports/sheet-print';
import type { OfficialEntry, OrganisationState, ProcedureEntry, UnitEntry } from './entries';
import { ACTIVE_NO, ACTIVE_YES, LAYOUTS, UNIT_KINDS, layoutOf, type ListName } from './layout';

/** Rows the drop-down lists cover: far more than any office's list. */
const LIST_ROWS = 2000;

const NOTES: Partial<Record<string, string>> = {
  kind: `Một trong: ${UNIT_KINDS.join(', ')} (agency: cơ quan; office: văn phòng; department: phòng; centre: trung tâm; counter: quầy)`,
  parent: 'Mã của đơn vị cấp trên; để trống cho đơn vị cao nhất',
  active: `${ACTIVE_YES} hoặc ${ACTIVE_NO}; ${ACTIVE_NO}: ngừng hoạt động (không xoá, số liệu cũ vẫn giữ); để trống là ${ACTIVE_YES}`,
  name_en: 'Để trống: dùng tên tiếng Việt',
  field_en: 'Để trống: dùng tên tiếng Việt',
  counter: 'Mã quầy (đơn vị loại counter) nơi cán bộ ngồi, thuộc đơn vị bên trái; có thể để trống',
  handling_days: 'Số ngày làm việc theo Cơ sở dữ liệu quốc gia về thủ tục hành chính',
};

/** Illustrative rows of the template: a commune centre with one counter, procedure and official. */
export const TEMPLATE_EXAMPLE: OrganisationState = {
  units: [
    { code: 'TTHCC', name_vi: 'Trung tâm phục vụ hành chính công xã Hoàng Văn Thụ', name_en: 'Hoàng Văn Thụ Commune Public Administrative Service Centre', kind: 'centre', parent: null, order: 0, active: true },
    { code: 'TTHCC-Q1', name_vi: 'Quầy số 1 - Tư pháp, Hộ tịch', name_en: 'Counter 1 – Justice and civil status', kind: 'counter', parent: 'TTHCC', order: 1, active: true },
  ],
  procedures: [
    { code: '1.001234', name_vi: 'Đăng ký khai sinh', name_en: 'Birth registration', field_vi: 'Hộ tịch', field_en: 'Civil status', unit: 'TTHCC', handling_days: 1, active: true },
  ],
  officials: [{ code: 'CB-001', full_name: 'Nguyễn Thị Hà', unit: 'TTHCC', counter: 'TTHCC-Q1', active: true }],
};

const CODE_KEYS = new Set(['code', 'parent', 'unit', 'counter']);

export async function organisationWorkbook(state: OrganisationState): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'sipas';
  const unitCodes = `'${layoutOf('units').sheet}'!$A$2:$A$${LIST_ROWS}`;
  for (const layout of LAYOUTS) {
    const sheet = workbook.addWorksheet(layout.sheet, printOptions({ landscape: layout.columns.length > 5, headerRow: 1, freezeColumns: 1, gridLines: true }));
    sheet.columns = layout.columns.map((c) => ({ key: c.key, width: c.width, style: CODE_KEYS.has(c.key) ? { numFmt: '@' } : {} }));
    const header = sheet.getRow(1);
    layout.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'middle' };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFFE699' : 'FFE7E6E6' } };
      const note = NOTES[c.key];
      if (note) cell.note = note;
    });
    for (const row of rowsOf(layout.list, state)) sheet.addRow(row);
    const lists: Record<string, string> = { kind: `"${UNIT_KINDS.join(',')}"`, active: `"${ACTIVE_YES},${ACTIVE_NO}"`, parent: unitCodes, unit: unitCodes, counter: unitCodes };
    layout.columns.forEach((c, i) => {
      const formula = lists[c.key];
      if (!formula) return;
      const letter = columnLetter(i + 1);
      // exceljs writes a range key as one sqref: one rule for the whole column, not 2000.
      (sheet as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${LIST_ROWS}`, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: c.key === 'kind' || c.key === 'active',
        errorTitle: c.header,
        error: NOTES[c.key] ?? '',
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function rowsOf(list: ListName, state: OrganisationState): Record<string, string | number>[] {
  const active = (a: boolean) => (a ? ACTIVE_YES : ACTIVE_NO);
  if (list === 'units') {
    return state.units.map((u: UnitEntry) => ({ code: u.code, name_vi: u.name_vi, name_en: u.name_en, kind: u.kind, parent: u.parent ?? '', order: u.order, active: active(u.active) }));
  }
  if (list === 'procedures') {
    return state.procedures.map((p: ProcedureEntry) => ({
      code: p.code, name_vi: p.name_vi, name_en: p.name_en, field_vi: p.field_vi, field_en: p.field_en, unit: p.unit, handling_days: p.handling_days ?? '', active: active(p.active),
    }));
  }
  return state.officials.map((o: OfficialEntry) => ({ code: o.code, full_name: o.full_name, unit: o.unit, counter: o.counter ?? '', active: active(o.active) }));
}

// One sheet (or CSV) of the workbook read into entries: headers matched by name, every cell
// checked on its own. Cross-row checks (parents, duplicates, cycles) are validate-organisation's.
import type { CsvRecord } from '../import/csv-parse';
import type { Lined, OfficialEntry, ProcedureEntry, Refusal, UnitEntry } from './entries';
import { ACTIVE_NO, ACTIVE_YES, headerKey, layoutOf, UNIT_KINDS, type ListName, type UnitKind } from './layout';

/** The codes the rest of the server accepts, including national procedure codes such as 1.001234. */
export const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

const YES = new Set(['có', 'co', 'x', '1', 'yes', 'true', '']);
const NO = new Set(['không', 'khong', '0', 'no', 'false']);

export interface ParsedList<T> {
  entries: Lined<T>[];
  refusals: Refusal[];
  /** Optional columns the header leaves out: a stored entry keeps those fields (keepAbsentColumns). */
  absent: string[];
}

type Cells = Record<string, string>;

/** Reads the rows of one list; the first record is the header. */
export function parseList(list: 'units', records: readonly CsvRecord[]): ParsedList<UnitEntry>;
export function parseList(list: 'procedures', records: readonly CsvRecord[]): ParsedList<ProcedureEntry>;
export function parseList(list: 'officials', records: readonly CsvRecord[]): ParsedList<OfficialEntry>;
export function parseList(list: ListName, records: readonly CsvRecord[]): ParsedList<UnitEntry | ProcedureEntry | OfficialEntry> {
  const layout = layoutOf(list);
  const refusals: Refusal[] = [];
  const refuse = (line: number, reason: Refusal['reason'], message: string, params?: Refusal['params']) => refusals.push({ list, line, reason, message, ...(params ? { params } : {}) });
  const [header, ...rows] = records;
  if (!header) {
    refuse(1, 'missing_column', `không có dòng tiêu đề (cần: ${layout.columns.map((c) => c.header).join(', ')})`, { column: layout.columns.filter((c) => c.required).map((c) => c.header).join(', ') });
    return { entries: [], refusals, absent: [] };
  }
  const positions = new Map<string, number>();
  header.cells.forEach((text, i) => {
    if (text.trim() === '') return;
    const column = layout.columns.find((c) => headerKey(c.header) === headerKey(text));
    if (!column) refuse(header.line, 'unknown_column', `cột "${text}" không thuộc mẫu (unknown column)`, { column: text });
    else positions.set(column.key, i);
  });
  for (const column of layout.columns) {
    if (column.required && !positions.has(column.key)) refuse(header.line, 'missing_column', `thiếu cột "${column.header}" (missing column)`, { column: column.header });
  }
  const absent = layout.columns.filter((c) => !positions.has(c.key)).map((c) => c.key);
  if (refusals.length) return { entries: [], refusals, absent };

  const entries: Lined<UnitEntry | ProcedureEntry | OfficialEntry>[] = [];
  for (const record of rows) {
    if (record.cells.every((c) => c.trim() === '')) continue;
    const cells: Cells = {};
    for (const [key, at] of positions) cells[key] = (record.cells[at] ?? '').normalize('NFC').trim();
    const before = refusals.length;
    const at: Refuse = (reason, message, params) => refuse(record.line, reason, message, params);
    for (const column of layout.columns) {
      if (column.required && !cells[column.key]) at('missing_value', `thiếu "${column.header}" (missing value)`, { column: column.header });
    }
    const code = (key: string, header: string) => {
      const value = cells[key] ?? '';
      if (value && !CODE.test(value)) at('bad_code', `"${header}" phải gồm chữ, số, . _ - (tối đa 32 ký tự): "${value}" (bad code)`, { column: header, value });
      return value;
    };
    const active = activeOf(cells.active ?? '', (v) => at('bad_active', `"Đang hoạt động" phải là ${ACTIVE_YES} hoặc ${ACTIVE_NO}: "${v}" (bad active)`, { value: v }));
    const entry = list === 'units' ? unitOf(cells, code, active, at) : list === 'procedures' ? procedureOf(cells, code, active, at) : officialOf(cells, code, active);
    if (refusals.length === before) entries.push({ line: record.line, entry });
  }
  return { entries, refusals, absent };
}

type Refuse = (reason: Refusal['reason'], message: string, params?: Refusal['params']) => void;
type Code = (key: string, header: string) => string;

function activeOf(text: string, bad: (v: string) => void): boolean {
  const key = headerKey(text);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  bad(text);
  return true;
}

/** A whole number from min to max; null when the cell is blank. */
function wholeNumber(text: string, header: string, min: number, max: number, at: Refuse): number | null {
  if (text === '') return null;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    at('bad_number', `"${header}" phải là số nguyên từ ${min} đến ${max}: "${text}" (bad number)`, { column: header, value: text, min, max });
    return null;
  }
  return n;
}

function unitOf(cells: Cells, code: Code, active: boolean, at: Refuse): UnitEntry {
  const kind = cells.kind ?? '';
  if (kind && !(UNIT_KINDS as readonly string[]).includes(kind)) at('unknown_kind', `"Loại đơn vị" phải là một trong ${UNIT_KINDS.join(', ')}: "${kind}" (unknown kind)`, { value: kind });
  const nameVi = cells.name_vi ?? '';
  return {
    code: code('code', 'Mã đơn vị'),
    name_vi: nameVi,
    // Offices without English names: the Vietnamese one is shown on English pages too.
    name_en: cells.name_en || nameVi,
    kind: kind as UnitKind,
    parent: code('parent', 'Mã đơn vị cấp trên') || null,
    order: wholeNumber(cells.order ?? '', 'Thứ tự', 0, 100_000, at) ?? 0,
    active,
  };
}

function procedureOf(cells: Cells, code: Code, active: boolean, at: Refuse): ProcedureEntry {
  const nameVi = cells.name_vi ?? '';
  const fieldVi = cells.field_vi ?? '';
  return {
    code: code('code', 'Mã thủ tục'),
    name_vi: nameVi,
    name_en: cells.name_en || nameVi,
    field_vi: fieldVi,
    field_en: cells.field_en || fieldVi,
    unit: code('unit', 'Mã đơn vị giải quyết'),
    handling_days: wholeNumber(cells.handling_days ?? '', 'Thời hạn giải quyết (ngày)', 0, 3650, at),
    active,
  };
}

function officialOf(cells: Cells, code: Code, active: boolean): OfficialEntry {
  return {
    code: code('code', 'Mã cán bộ'),
    full_name: cells.full_name ?? '',
    unit: code('unit', 'Mã đơn vị'),
    counter: code('counter', 'Mã quầy') || null,
    active,
  };
}

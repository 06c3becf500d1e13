// The organisation workbook: one sheet per list, Vietnamese headers on row 1, one entry per row.
// Template, export and import all read this, so export → edit → import meets the same columns.

export const UNIT_KINDS = ['agency', 'office', 'department', 'centre', 'counter'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** What the "active" column holds: Có (in service) or Không (retired). */
export const ACTIVE_YES = 'Có';
export const ACTIVE_NO = 'Không';

export type ListName = 'units' | 'procedures' | 'officials';

export interface Column<K extends string> {
  key: K;
  header: string;
  /** A row without it is refused. */
  required: boolean;
  width: number;
}

const col = <K extends string>(key: K, header: string, required: boolean, width: number): Column<K> => ({ key, header, required, width });

export const UNIT_COLUMNS = [
  col('code', 'Mã đơn vị', true, 14),
  col('name_vi', 'Tên đơn vị', true, 48),
  col('name_en', 'Tên tiếng Anh', false, 40),
  col('kind', 'Loại đơn vị', true, 14),
  col('parent', 'Mã đơn vị cấp trên', false, 18),
  col('order', 'Thứ tự', false, 9),
  col('active', 'Đang hoạt động', false, 14),
] as const;

export const PROCEDURE_COLUMNS = [
  col('code', 'Mã thủ tục', true, 14),
  col('name_vi', 'Tên thủ tục', true, 60),
  col('name_en', 'Tên tiếng Anh', false, 40),
  col('field_vi', 'Lĩnh vực', true, 20),
  col('field_en', 'Lĩnh vực (tiếng Anh)', false, 20),
  col('unit', 'Mã đơn vị giải quyết', true, 18),
  col('handling_days', 'Thời hạn giải quyết (ngày)', false, 14),
  col('active', 'Đang hoạt động', false, 14),
] as const;

export const OFFICIAL_COLUMNS = [
  col('code', 'Mã cán bộ', true, 14),
  col('full_name', 'Họ và tên', true, 30),
  col('unit', 'Mã đơn vị', true, 14),
  col('counter', 'Mã quầy', false, 14),
  col('active', 'Đang hoạt động', false, 14),
] as const;

export interface ListLayout {
  list: ListName;
  sheet: string;
  columns: readonly Column<string>[];
}

export const LAYOUTS: readonly ListLayout[] = [
  { list: 'units', sheet: 'Đơn vị', columns: UNIT_COLUMNS },
  { list: 'procedures', sheet: 'Thủ tục', columns: PROCEDURE_COLUMNS },
  { list: 'officials', sheet: 'Cán bộ', columns: OFFICIAL_COLUMNS },
];

export const layoutOf = (list: ListName): ListLayout => LAYOUTS.find((l) => l.list === list)!;

/** Headers compare after trimming, NFC and case folding, so a retyped header still matches. */
export const headerKey = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('vi');

/**
 * Which list a CSV holds, from its header: the header of its first column names it (Mã đơn vị,
 * Mã thủ tục or Mã cán bộ), as in the workbook's sheets.
 */
export function listOfHeader(cells: readonly string[]): ListName | undefined {
  const first = headerKey(cells[0] ?? '');
  return LAYOUTS.find((l) => headerKey(l.columns[0]!.header) === first)?.list;
}

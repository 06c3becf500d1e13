// One entry of each list as the workbook states it, with where it came from, and why a file is
// refused. Pure types shared by parsing, validation, the plan and the workbook writer.
import type { ListName, UnitKind } from './layout';

export interface UnitEntry {
  code: string;
  name_vi: string;
  name_en: string;
  kind: UnitKind;
  parent: string | null;
  order: number;
  active: boolean;
}

export interface ProcedureEntry {
  code: string;
  name_vi: string;
  name_en: string;
  field_vi: string;
  field_en: string;
  unit: string;
  handling_days: number | null;
  active: boolean;
}

/** The official's unit is `counter` when one is named (a counter of `unit`), else `unit`. */
export interface OfficialEntry {
  code: string;
  full_name: string;
  unit: string;
  counter: string | null;
  active: boolean;
}

/** An entry and the sheet line it was read from. */
export interface Lined<T> {
  line: number;
  entry: T;
}

export interface OrganisationFile {
  units: Lined<UnitEntry>[];
  procedures: Lined<ProcedureEntry>[];
  officials: Lined<OfficialEntry>[];
}

/** The organisation as stored, in the same shape (lines are 0). */
export interface OrganisationState {
  units: UnitEntry[];
  procedures: ProcedureEntry[];
  officials: OfficialEntry[];
}

export const REFUSAL_REASONS = [
  'unreadable', 'unknown_list', 'missing_column', 'unknown_column', 'missing_value', 'bad_code', 'bad_number',
  'unknown_kind', 'bad_active', 'duplicate_code', 'unknown_parent', 'cycle', 'unknown_unit', 'not_a_counter',
  'counter_outside_unit', 'under_retired_unit', 'out_of_scope',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Why the file cannot be taken, at the line a person finds in their spreadsheet. */
export interface Refusal {
  list: ListName | null;
  /** 0 when it concerns the whole file. */
  line: number;
  reason: RefusalReason;
  /** Vietnamese, for the command line and the log. */
  message: string;
  /** The values the message names (codes, a column's header, a line), for a page to say it in its own language. */
  params?: Record<string, string | number>;
}

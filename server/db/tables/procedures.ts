import type { Insertable, Selectable } from 'kysely';

/** An administrative procedure (thủ tục hành chính) and the field (lĩnh vực) it belongs to. */
export interface ProceduresTable {
  code: string;
  name_vi: string;
  name_en: string;
  field_vi: string;
  field_en: string;
  /** The unit that handles it. */
  unit_code: string;
}
export type ProcedureRow = Selectable<ProceduresTable>;
export type NewProcedureRow = Insertable<ProceduresTable>;

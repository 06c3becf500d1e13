import type { Generated, Insertable, Selectable } from 'kysely';

/** An administrative procedure (thủ tục hành chính) and the field (lĩnh vực) it belongs to. */
export interface ProceduresTable {
  code: string;
  name_vi: string;
  name_en: string;
  field_vi: string;
  field_en: string;
  /** The unit that handles it. */
  unit_code: string;
  /** Handling period in days (thời hạn giải quyết), when known. */
  handling_days: number | null;
  /** 0 once retired: it takes no new answers; its past responses stay counted. */
  active: Generated<number>;
}
export type ProcedureRow = Selectable<ProceduresTable>;
export type NewProcedureRow = Insertable<ProceduresTable>;

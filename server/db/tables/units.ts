import type { Generated, Insertable, Selectable } from 'kysely';

/** A unit of the organisation: the agency at the top, its departments, counters under them. */
export interface UnitsTable {
  code: string;
  parent_code: string | null;
  name_vi: string;
  name_en: string;
  /** agency | office | department | centre | counter */
  kind: string;
  sort_order: number;
  /** 0 once retired: it takes no new answers; its past responses stay counted. */
  active: Generated<number>;
}
export type UnitRow = Selectable<UnitsTable>;
export type NewUnitRow = Insertable<UnitsTable>;

import type { Insertable, Selectable } from 'kysely';

/** A civil servant who receives or handles dossiers. */
export interface OfficialsTable {
  code: string;
  full_name: string;
  unit_code: string;
  /** 0 once the official has left; their past responses stay counted. */
  active: number;
}
export type OfficialRow = Selectable<OfficialsTable>;
export type NewOfficialRow = Insertable<OfficialsTable>;

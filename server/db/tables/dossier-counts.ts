import type { Insertable, Selectable } from 'kysely';

/**
 * Returned dossiers per unit, procedure and Vietnam date of return, for the on-time share and the
 * Decision 766 indicator. Aggregates on purpose: no row says how one dossier was rated.
 */
export interface DossierCountsTable {
  unit_code: string;
  procedure_code: string;
  return_date: string;
  /** Dossiers returned (invitations made). */
  dossiers: number;
  /** Dossiers whose due date is known. */
  with_due: number;
  on_time: number;
  late: number;
  /** Dossiers whose quick rating arrived through the invitation. */
  rated: number;
  dissatisfied: number;
  /** Rated dissatisfied and not returned late (so late ∪ dissatisfied = late + this). */
  dissatisfied_not_late: number;
}
export type DossierCountRow = Selectable<DossierCountsTable>;
export type NewDossierCountRow = Insertable<DossierCountsTable>;

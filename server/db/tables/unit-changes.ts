/** A unit moved under another parent, or merged into another unit, from a date. */
export interface UnitChangesTable {
  id: string;
  unit_code: string;
  /** move | merge */
  kind: string;
  from_parent: string | null;
  to_parent: string | null;
  /** The first Vietnam date (YYYY-MM-DD) on which the change holds. */
  effective_from: string;
  recorded_at: string;
  actor: string;
}

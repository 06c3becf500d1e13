import type { Selectable } from 'kysely';

/** A unit whose SIPAS results an admin chose to publish at /ket-qua (with its sub-units' responses). */
export interface ResultPublicationsTable {
  unit_code: string;
  /** The admin's username (or "seed" for the demo organisation). */
  published_by: string;
  published_at: string;
}
export type ResultPublicationRow = Selectable<ResultPublicationsTable>;

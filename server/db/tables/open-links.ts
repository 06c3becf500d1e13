import type { Selectable } from 'kysely';

/** A unit whose open link is on: answers from anyone, limited and counted apart as unverified. */
export interface OpenLinksTable {
  unit_code: string;
  enabled: number;
  updated_by: string;
  updated_at: string;
}
export type OpenLinkRow = Selectable<OpenLinksTable>;

/**
 * One row (id 1): moved by triggers whenever what the submit path keeps in memory changes (the
 * organisation, kiosk devices, retention); see migration 2026-12-01-52-lookup-generation.
 */
export interface LookupGenerationTable {
  id: number;
  n: number | string;
}

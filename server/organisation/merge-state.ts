// The organisation as it will be once a file is applied: the stored entries with the file's
// entries laid over them by code. Nothing is deleted, so every stored code is still there.
import type { OfficialEntry, OrganisationFile, OrganisationState, ProcedureEntry, UnitEntry } from './entries';

export interface MergedState {
  units: Map<string, UnitEntry>;
  procedures: Map<string, ProcedureEntry>;
  officials: Map<string, OfficialEntry>;
}

export function mergeState(current: OrganisationState, file: OrganisationFile): MergedState {
  const over = <T extends { code: string }>(stored: T[], incoming: { entry: T }[]) => new Map([...stored, ...incoming.map((l) => l.entry)].map((e) => [e.code, e]));
  return { units: over(current.units, file.units), procedures: over(current.procedures, file.procedures), officials: over(current.officials, file.officials) };
}

/** The official's own unit: the counter when one is named. */
export const officialUnit = (o: OfficialEntry) => o.counter ?? o.unit;

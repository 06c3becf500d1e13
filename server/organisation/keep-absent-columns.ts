// A file may leave optional columns out (a CSV with only code, name and kind): the stored entries
// it names keep those fields, rather than taking the blanks' defaults. New entries get the defaults.
import type { OrganisationFile, OrganisationState } from './entries';
import type { ListName } from './layout';

export function keepAbsentColumns(file: OrganisationFile, absent: Record<ListName, string[]>, current: OrganisationState): OrganisationFile {
  const keep = <T extends { code: string }>(list: ListName, entries: { line: number; entry: T }[], stored: T[]) => {
    if (!absent[list].length) return entries;
    const byCode = new Map(stored.map((e) => [e.code, e]));
    return entries.map(({ line, entry }) => {
      const before = byCode.get(entry.code);
      if (!before) return { line, entry };
      const kept: Record<string, unknown> = Object.fromEntries(absent[list].filter((key) => key in before).map((key) => [key, before[key as keyof T]]));
      // An official moved to another unit without a counter column sits in that unit, not at the old counter.
      if (list === 'officials' && 'counter' in kept && (entry as { unit?: string }).unit !== (before as { unit?: string }).unit) kept.counter = null;
      return { line, entry: { ...entry, ...kept } };
    });
  };
  return { units: keep('units', file.units, current.units), procedures: keep('procedures', file.procedures, current.procedures), officials: keep('officials', file.officials, current.officials) };
}

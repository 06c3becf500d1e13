// One entry changed from the staff page, as a file of one row: added with a new code, or the stored
// entry with some fields laid over it (rename, move, retire …). It then goes through the same
// checks, plan and audited apply as a whole workbook (changeOrganisation).
import type { BuildChange } from './change-organisation';
import type { OfficialEntry, OrganisationFile, ProcedureEntry, UnitEntry } from './entries';
import type { ListName } from './layout';

type EntryOf<L extends ListName> = L extends 'units' ? UnitEntry : L extends 'procedures' ? ProcedureEntry : OfficialEntry;

/** The code is not stored (an edit of an entry that does not exist). */
export class UnknownEntryError extends Error {
  constructor(readonly list: ListName, readonly code: string) {
    super(`No ${list === 'units' ? 'unit' : list === 'procedures' ? 'procedure' : 'official'} ${code}`);
    this.name = 'UnknownEntryError';
  }
}

/** A new entry: refused as duplicate_code when the code is stored already (a file would change it). */
export function addEntry<L extends ListName>(list: L, entry: EntryOf<L>): BuildChange {
  return (current) => {
    const taken = (current[list] as { code: string }[]).some((e) => e.code === entry.code);
    const refusals = taken
      ? [{ list, line: 0, reason: 'duplicate_code' as const, message: `mã "${entry.code}" đã có trong hệ thống (duplicate code)`, params: { code: entry.code } }]
      : [];
    return { file: fileOf(list, entry), refusals };
  };
}

/** The stored entry with `fields` laid over it; throws UnknownEntryError when there is none. */
export function editEntry<L extends ListName>(list: L, code: string, fields: Partial<EntryOf<L>>): BuildChange {
  return (current) => {
    const stored = (current[list] as EntryOf<L>[]).find((e) => e.code === code);
    if (!stored) throw new UnknownEntryError(list, code);
    const entry = { ...stored, ...fields, code } as EntryOf<L>;
    // An official moved to another unit without naming a counter sits in that unit, not at the old counter.
    if (list === 'officials' && 'unit' in fields && !('counter' in fields) && fields.unit !== (stored as OfficialEntry).unit) (entry as OfficialEntry).counter = null;
    return { file: fileOf(list, entry), refusals: [] };
  };
}

function fileOf(list: ListName, entry: UnitEntry | ProcedureEntry | OfficialEntry): OrganisationFile {
  const file: OrganisationFile = { units: [], procedures: [], officials: [] };
  (file[list] as { line: number; entry: typeof entry }[]).push({ line: 0, entry });
  return file;
}

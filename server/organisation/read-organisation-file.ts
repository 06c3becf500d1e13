// An organisation file as an office saves it: the workbook with its three sheets (found by name;
// a sheet left out is a list left unchanged), or one CSV whose header says which list it holds.
// Same encodings as the paper-form import (readTableFile).
import { readWorkbookSheets } from '../import/read-sheets';
import { isWorkbook, readTableFile, TableFileError } from '../import/read-table';
import type { CsvRecord } from '../import/csv-parse';
import type { OrganisationFile, Refusal } from './entries';
import { headerKey, LAYOUTS, listOfHeader, type ListName } from './layout';
import { parseList } from './parse-list';

export interface ReadOrganisation {
  file: OrganisationFile;
  refusals: Refusal[];
  /** Which lists the file holds, for the message. */
  lists: ListName[];
  /** The optional columns each list leaves out. */
  absent: Record<ListName, string[]>;
}

export async function readOrganisationFile(bytes: Uint8Array, fileName: string): Promise<ReadOrganisation> {
  const empty: OrganisationFile = { units: [], procedures: [], officials: [] };
  const absent: Record<ListName, string[]> = { units: [], procedures: [], officials: [] };
  const refused = (reason: Refusal['reason'], message: string, params?: Refusal['params']): ReadOrganisation => ({ file: empty, refusals: [{ list: null, line: 0, reason, message, ...(params ? { params } : {}) }], lists: [], absent });
  const lists = new Map<ListName, CsvRecord[]>();
  try {
    if (isWorkbook(bytes, fileName)) {
      const sheets = await readWorkbookSheets(bytes);
      for (const layout of LAYOUTS) {
        const found = [...sheets].find(([name]) => headerKey(name) === headerKey(layout.sheet));
        if (found) lists.set(layout.list, found[1]);
      }
      if (!lists.size) return refused('unknown_list', `tệp không có trang nào tên ${LAYOUTS.map((l) => `"${l.sheet}"`).join(', ')} (unknown list)`);
    } else {
      const { records } = await readTableFile(bytes, fileName);
      const list = listOfHeader(records[0]?.cells ?? []);
      if (!list) return refused('unknown_list', `cột đầu tiên của dòng tiêu đề phải là ${LAYOUTS.map((l) => `"${l.columns[0]!.header}"`).join(', ')} (unknown list)`);
      lists.set(list, records);
    }
  } catch (error) {
    if (error instanceof TableFileError) return refused('unreadable', `không đọc được tệp: ${error.message} (unreadable)`, { detail: error.message });
    throw error;
  }
  const refusals: Refusal[] = [];
  const file = { ...empty };
  if (lists.has('units')) ({ entries: file.units } = collect(parseList('units', lists.get('units')!), 'units'));
  if (lists.has('procedures')) ({ entries: file.procedures } = collect(parseList('procedures', lists.get('procedures')!), 'procedures'));
  if (lists.has('officials')) ({ entries: file.officials } = collect(parseList('officials', lists.get('officials')!), 'officials'));
  return { file, refusals, lists: [...lists.keys()], absent };

  function collect<T extends { refusals: Refusal[]; absent: string[] }>(parsed: T, list: ListName): T {
    refusals.push(...parsed.refusals);
    absent[list] = parsed.absent;
    return parsed;
  }
}

// An organisation file taken in whole or not at all: read, checked against what is stored,
// planned, and (unless a dry run) applied in one transaction with its audit entry.
import type { Kysely } from 'kysely';
import type { StaffScope } from '../auth/staff-scope';
import type { Database } from '../db/database';
import { changeOrganisation } from './change-organisation';
import { keepAbsentColumns } from './keep-absent-columns';
import type { Refusal } from './entries';
import { layoutOf, type ListName } from './layout';
import type { PlanItem } from './plan-organisation';
import { readOrganisationFile } from './read-organisation-file';

export type ImportOutcome = { ok: false; refusals: Refusal[] } | { ok: true; plan: PlanItem[]; applied: boolean; lists: ListName[]; hash: string };

export interface ImportOptions {
  dryRun: boolean;
  actor: string;
  now: Date;
  /** A manager's units: rows outside them are refused (out_of_scope). */
  scope?: StaffScope;
  /** The hash of the plan the person previewed (see changeOrganisation). */
  expectedPlan?: string;
}

export async function importOrganisation(db: Kysely<Database>, bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportOutcome> {
  const read = await readOrganisationFile(bytes, fileName);
  const outcome = await changeOrganisation(
    db,
    // The rows that could be read are checked too, so one pass over the file names every problem.
    (current) => ({ file: keepAbsentColumns(read.file, read.absent, current), refusals: read.refusals }),
    { ...options, source: fileName },
  );
  return outcome.ok ? { ...outcome, lists: read.lists } : outcome;
}

/** "Đơn vị, dòng 4: …" — where to look in the spreadsheet, then what is wrong. */
export function describeRefusal(r: Refusal): string {
  const where = [r.list ? layoutOf(r.list).sheet : '', r.line > 0 ? `dòng ${r.line}` : ''].filter(Boolean).join(', ');
  return where ? `${where}: ${r.message}` : r.message;
}

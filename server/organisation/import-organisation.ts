// An organisation file taken in whole or not at all: read, checked against what is stored,
// planned, and (unless a dry run) applied in one transaction with its audit entry.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { applyPlan } from './apply-plan';
import { keepAbsentColumns } from './keep-absent-columns';
import type { Refusal } from './entries';
import { layoutOf, type ListName } from './layout';
import type { PlanItem } from './plan-organisation';
import { planOrganisation } from './plan-organisation';
import { readOrganisationFile } from './read-organisation-file';
import { readStoredOrganisation } from './stored-organisation';
import { sortRefusals, validateOrganisation } from './validate-organisation';

export type ImportOutcome = { ok: false; refusals: Refusal[] } | { ok: true; plan: PlanItem[]; applied: boolean; lists: ListName[] };

export interface ImportOptions {
  dryRun: boolean;
  actor: string;
  now: Date;
}

export async function importOrganisation(db: Kysely<Database>, bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportOutcome> {
  const read = await readOrganisationFile(bytes, fileName);
  // Checked and applied against the same reading of the stored organisation: another change in
  // between would make the plan wrong.
  return db.transaction().execute(async (trx): Promise<ImportOutcome> => {
    const current = await readStoredOrganisation(trx);
    const file = keepAbsentColumns(read.file, read.absent, current);
    // The rows that could be read are checked too, so one pass over the file names every problem.
    const refusals = [...read.refusals, ...validateOrganisation(file, current)];
    if (refusals.length) return { ok: false, refusals: sortRefusals(refusals) };
    const plan = planOrganisation(file, current);
    if (!options.dryRun) await applyPlan(trx, plan, { actor: options.actor, now: options.now, source: fileName });
    return { ok: true, plan, applied: !options.dryRun && plan.length > 0, lists: read.lists };
  });
}

/** "Đơn vị, dòng 4: …" — where to look in the spreadsheet, then what is wrong. */
export function describeRefusal(r: Refusal): string {
  const where = [r.list ? layoutOf(r.list).sheet : '', r.line > 0 ? `dòng ${r.line}` : ''].filter(Boolean).join(', ');
  return where ? `${where}: ${r.message}` : r.message;
}

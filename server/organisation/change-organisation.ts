// Every change to the organisation, a whole file or one entry from the staff page, goes through
// here: built against the stored organisation, checked (and, for a manager, kept to their units),
// planned and (unless a dry run) applied with its audit entry, all inside one transaction.
import type { Kysely } from 'kysely';
import type { StaffScope } from '../auth/staff-scope';
import type { Database } from '../db/database';
import { sha256Hex } from '../util/sha256-hex';
import { applyPlan } from './apply-plan';
import type { OrganisationFile, OrganisationState, Refusal } from './entries';
import { scopeRefusals } from './organisation-scope';
import { planOrganisation, type PlanItem } from './plan-organisation';
import { readStoredOrganisation } from './stored-organisation';
import { sortRefusals, validateOrganisation } from './validate-organisation';

export type ChangeOutcome = { ok: false; refusals: Refusal[] } | { ok: true; plan: PlanItem[]; applied: boolean; hash: string };

export interface ChangeOptions {
  dryRun: boolean;
  actor: string;
  now: Date;
  /** For the audit log: the file name, or what the staff page changed. */
  source: string;
  /** Only these units may be touched (a manager's); absent or null units: all. */
  scope?: StaffScope;
  /** The hash of the plan the person saw: a different plan now is refused (PlanChangedError). */
  expectedPlan?: string;
  /** Passed to applyPlan: from when a unit's new parent applies. */
  effectiveFrom?: string;
}

/** The organisation changed between the preview and the request to apply it. */
export class PlanChangedError extends Error {
  constructor(readonly hash: string) {
    super('The organisation changed since the preview: the plan is no longer the one shown');
    this.name = 'PlanChangedError';
  }
}

/** What the change would bring in, read against the stored organisation, with the problems found while building it. */
export type BuildChange = (current: OrganisationState) => { file: OrganisationFile; refusals: Refusal[] };

export async function changeOrganisation(db: Kysely<Database>, build: BuildChange, options: ChangeOptions): Promise<ChangeOutcome> {
  // Checked and applied against the same reading of the stored organisation: another change in
  // between would make the plan wrong.
  return db.transaction().execute(async (trx): Promise<ChangeOutcome> => {
    const current = await readStoredOrganisation(trx);
    const built = build(current);
    // Every check runs, so one answer names every problem.
    const refusals = [...built.refusals, ...validateOrganisation(built.file, current), ...(options.scope ? scopeRefusals(built.file, current, options.scope) : [])];
    if (refusals.length) return { ok: false, refusals: sortRefusals(refusals) };
    const plan = planOrganisation(built.file, current);
    const hash = planHash(plan);
    if (options.expectedPlan !== undefined && options.expectedPlan !== hash) throw new PlanChangedError(hash);
    if (!options.dryRun) {
      await applyPlan(trx, plan, { actor: options.actor, now: options.now, source: options.source, ...(options.effectiveFrom ? { effectiveFrom: options.effectiveFrom } : {}) });
    }
    return { ok: true, plan, applied: !options.dryRun && plan.length > 0, hash };
  });
}

/** Names a plan: the same additions, changes and retirements give the same hash (lines aside). */
export function planHash(plan: readonly PlanItem[]): string {
  const canonical = plan.map((i) => [i.list, i.action, i.fields, Object.entries(i.entry).sort(([a], [b]) => a.localeCompare(b))]);
  return sha256Hex(JSON.stringify(canonical));
}

// Merging units (two communes into one, as in the 2025 reform): from a date each old unit sits
// under the new one and is retired with everything below it, its officials and procedures pass
// to the new unit, and its past stays its own: it still answers for the periods before, while the
// new unit's trend carries the old units' figures across the merge (server/scoring/unit-history.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { HttpError } from '../http-error';
import { recordAudit } from '../repos/audit-log';
import { subtreeCodes } from '../scoring/unit-tree';
import { recordDatedChange } from './dated-change';

export interface MergeRequest {
  units: string[];
  into: string;
  effectiveFrom: string;
  actor: string;
  now: Date;
}

export interface MergeOutcome {
  merged: string[];
  into: string;
  effectiveFrom: string;
  /** Units retired with the merged ones (their sub-units), officials and procedures passed on. */
  retiredUnits: string[];
  movedOfficials: string[];
  movedProcedures: string[];
}

export async function mergeUnits(db: Kysely<Database>, req: MergeRequest): Promise<MergeOutcome> {
  return db.transaction().execute(async (trx) => {
    const units = await trx.selectFrom('units').select(['code', 'parent_code', 'active']).execute();
    const byCode = new Map(units.map((u) => [u.code, u]));
    const target = byCode.get(req.into);
    if (!target) throw new HttpError(404, 'unknown_unit', `No unit with code "${req.into}"`);
    if (!Number(target.active)) throw new HttpError(409, 'unit_retired', `Unit "${req.into}" is retired; nothing can be merged into it`);
    const outcome: MergeOutcome = { merged: [], into: req.into, effectiveFrom: req.effectiveFrom, retiredUnits: [], movedOfficials: [], movedProcedures: [] };
    for (const code of [...new Set(req.units)]) {
      const unit = byCode.get(code);
      if (!unit) throw new HttpError(404, 'unknown_unit', `No unit with code "${code}"`);
      if (!Number(unit.active)) throw new HttpError(409, 'unit_retired', `Unit "${code}" is already retired`);
      const below = subtreeCodes(units, code);
      if (below.includes(req.into)) throw new HttpError(409, 'merge_into_own_unit', `Unit "${code}" cannot be merged into "${req.into}", which is itself or lies below it`);
      await recordDatedChange(trx, { unit: code, kind: 'merge', from: unit.parent_code, to: req.into, effectiveFrom: req.effectiveFrom }, req.actor, req.now);
      await trx.updateTable('units').set({ parent_code: req.into, active: 0 }).where('code', '=', code).execute();
      const retired = await trx.updateTable('units').set({ active: 0 }).where('code', 'in', below).where('code', '!=', code).where('active', '=', 1).returning('code').execute();
      const officials = await trx.updateTable('officials').set({ unit_code: req.into }).where('unit_code', 'in', below).where('active', '=', 1).returning('code').execute();
      const procedures = await trx.updateTable('procedures').set({ unit_code: req.into }).where('unit_code', 'in', below).where('active', '=', 1).returning('code').execute();
      outcome.merged.push(code);
      outcome.retiredUnits.push(...retired.map((r) => r.code));
      outcome.movedOfficials.push(...officials.map((r) => r.code));
      outcome.movedProcedures.push(...procedures.map((r) => r.code));
    }
    await recordAudit(trx, { actor: req.actor, action: 'organisation.merge', target: req.into, details: { ...outcome } }, req.now);
    return outcome;
  });
}

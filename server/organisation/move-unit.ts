// One unit placed under another parent from a date, checked like a one-row file (no cycle, the
// parent exists and is in service) and stored through the same plan, so it is audited the same way.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { HttpError } from '../http-error';
import { applyPlan } from './apply-plan';
import type { Refusal } from './entries';
import { planOrganisation } from './plan-organisation';
import { readStoredOrganisation } from './stored-organisation';
import { validateOrganisation } from './validate-organisation';

export interface MoveRequest {
  unit: string;
  /** null: a top unit. */
  parent: string | null;
  effectiveFrom: string;
  actor: string;
  now: Date;
}

export type MoveOutcome = { ok: true; moved: boolean } | { ok: false; refusals: Refusal[] };

export async function moveUnit(db: Kysely<Database>, req: MoveRequest): Promise<MoveOutcome> {
  return db.transaction().execute(async (trx): Promise<MoveOutcome> => {
    const current = await readStoredOrganisation(trx);
    const entry = current.units.find((u) => u.code === req.unit);
    if (!entry) throw new HttpError(404, 'unknown_unit', `No unit with code "${req.unit}"`);
    const file = { units: [{ line: 0, entry: { ...entry, parent: req.parent } }], procedures: [], officials: [] };
    const refusals = validateOrganisation(file, current);
    if (refusals.length) return { ok: false, refusals };
    const plan = planOrganisation(file, current);
    await applyPlan(trx, plan, { actor: req.actor, now: req.now, source: `move ${req.unit}`, effectiveFrom: req.effectiveFrom });
    return { ok: true, moved: plan.length > 0 };
  });
}

// Turning a `unit` query parameter into the unit codes a staff member may ask about.
import type { Kysely } from 'kysely';
import { canSeeUnit, type StaffScope } from '../auth/staff-scope';
import type { Database } from '../db/database';
import { HttpError } from '../http-error';
import { listUnits } from '../repos/organisation';
import { subtreeCodes } from '../scoring/unit-tree';

/** The unit and the units below it, or the whole scope without a unit (null: everything, for admins). */
export async function unitsFor(db: Kysely<Database>, scope: StaffScope, unit: string | undefined): Promise<string[] | null> {
  if (!unit) return scope.units ? [...scope.units] : null;
  const codes = subtreeCodes(await listUnits(db), unit);
  if (!codes.length) throw new HttpError(400, 'unknown_unit', `No unit with code "${unit}"`);
  if (!canSeeUnit(scope, unit)) throw new HttpError(403, 'forbidden', `Unit ${unit} is outside your units`);
  return codes.filter((c) => canSeeUnit(scope, c));
}

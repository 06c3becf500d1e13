// The dated moves and merges of units (see server/scoring/unit-history.ts for how they are used).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { UnitChange } from '../scoring/unit-history';

export async function listUnitChanges(db: Kysely<Database>): Promise<UnitChange[]> {
  const rows = await db.selectFrom('unit_changes').selectAll().orderBy('effective_from').orderBy('recorded_at').execute();
  return rows.map((r) => ({ unit: r.unit_code, kind: r.kind === 'merge' ? 'merge' : 'move', from: r.from_parent, to: r.to_parent, effectiveFrom: r.effective_from }));
}

/** The latest date from which a change of `unit` holds, if it ever changed. */
export async function lastChangeOf(db: Kysely<Database>, unit: string): Promise<string | undefined> {
  const row = await db.selectFrom('unit_changes').select((eb) => eb.fn.max('effective_from').as('d')).where('unit_code', '=', unit).executeTakeFirst();
  return row?.d ?? undefined;
}

export async function recordUnitChange(db: Kysely<Database>, change: UnitChange, actor: string, now: Date): Promise<void> {
  await db
    .insertInto('unit_changes')
    .values({ id: randomUUID(), unit_code: change.unit, kind: change.kind, from_parent: change.from, to_parent: change.to, effective_from: change.effectiveFrom, recorded_at: now.toISOString(), actor })
    .execute();
}

/** Whether `unit` was merged into another on a date after `date` (it was still in service then). */
export async function mergedAfter(db: Kysely<Database>, unit: string, date: string): Promise<boolean> {
  const row = await db.selectFrom('unit_changes').select('id').where('unit_code', '=', unit).where('kind', '=', 'merge').where('effective_from', '>', date).executeTakeFirst();
  return row !== undefined;
}

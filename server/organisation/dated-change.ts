// A move or merge holds from a date the person gives (a reorganisation often takes effect on the
// 1st of a month before anyone records it). The date may not lie ahead, since today's tree is what
// takes new answers, nor before the unit's last recorded change, since the history is read by
// undoing changes latest first.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { HttpError } from '../http-error';
import { lastChangeOf, recordUnitChange } from '../repos/unit-changes';
import type { UnitChange } from '../scoring/unit-history';
import { vietnamDate } from '../scoring/vietnam-time';

export async function checkEffectiveDate(db: Kysely<Database>, unit: string, effectiveFrom: string, now: Date): Promise<void> {
  if (effectiveFrom > vietnamDate(now)) {
    throw new HttpError(400, 'effective_date_in_future', `A change of unit "${unit}" cannot take effect on ${effectiveFrom}, after today`);
  }
  const last = await lastChangeOf(db, unit);
  if (last !== undefined && effectiveFrom < last) {
    throw new HttpError(409, 'change_out_of_order', `Unit "${unit}" already changed on ${last}; a later change cannot take effect on ${effectiveFrom}, before it`);
  }
}

/** Checks the date, then records the change (the caller updates the tree in the same transaction). */
export async function recordDatedChange(db: Kysely<Database>, change: UnitChange, actor: string, now: Date): Promise<void> {
  await checkEffectiveDate(db, change.unit, change.effectiveFrom, now);
  await recordUnitChange(db, change, actor, now);
}

// The weekly digest goes out from Monday 07:00 (Vietnam time) once per staff member and ISO week:
// the first server to insert (user, week) writes it; the others find the row and skip.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { UnitRow } from '../db/tables/units';
import type { Text } from '../exports/staff-text';
import { listReachableStaff } from '../repos/staff-contacts';
import { periodOf } from '../scoring/periods';
import { vietnamDate } from '../scoring/vietnam-time';
import type { SurveyRegistry } from '../surveys/survey-registry';
import { digestText } from './weekly-digest';

/** Local hour on Monday from which the week's digest is sent. */
export const DIGEST_HOUR = 7;

/** The ISO week (2026-W11) whose digest is due at `now`: from Monday 07:00 to the end of Sunday; '' on Monday before 07:00. */
export function dueWeek(now: Date): string {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const monday = periodOf(vietnamDate(now), 'week');
  const beforeHour = monday.from === local.toISOString().slice(0, 10) && local.getUTCHours() < DIGEST_HOUR;
  return beforeHour ? '' : monday.key;
}

export async function claimWeeklyDigests(src: { db: Kysely<Database>; surveys: SurveyRegistry; units: readonly UnitRow[]; now: Date; t: Text; staffUrl: string }): Promise<number> {
  const week = dueWeek(src.now);
  if (!week) return 0;
  let claimed = 0;
  for (const user of (await listReachableStaff(src.db)).filter((u) => u.weekly_digest === 1)) {
    const known = await src.db.selectFrom('digest_sends').select('week').where('user_id', '=', user.id).where('week', '=', week).executeTakeFirst();
    if (known) continue;
    const digest = await digestText(src, user);
    const at = src.now.toISOString();
    const won = await src.db.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('digest_sends').values({ user_id: user.id, week, created_at: at }).onConflict((oc) => oc.columns(['user_id', 'week']).doNothing()).returning('week').execute();
      if (!inserted.length) return false;
      await trx
        .insertInto('alert_deliveries')
        .values({ id: randomUUID(), alert_id: null, unit_code: digest.unit, purpose: 'digest', channel: 'email', target: user.email, subject: digest.subject, body: digest.text, status: 'pending', next_attempt_at: at, created_at: at, lease_until: null, last_error: null, sent_at: null })
        .execute();
      return true;
    });
    if (won) claimed += 1;
  }
  return claimed;
}

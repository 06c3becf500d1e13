// What Decision 766's points are computed from: the dossier counters by unit and date of return,
// and the reports and complaints by unit and date of receipt, with what happened to each.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import { COMPLAINT_KINDS } from '../feedback/feedback-rules';
import type { DossierCounts } from '../scoring/dossier-figures';
import type { UnitMonthRated } from '../scoring/dossier-lattice';
import type { Feedback766Item } from '../scoring/feedback-766';
import { dossierSums } from './dossier-counts';

export interface InputFilter {
  /** Units whose rows count; null: every unit. */
  units: readonly string[] | null;
  procedure?: string;
  /** Vietnam dates, inclusive. */
  from: string;
  to: string;
}

export type DatedDossierCounts = DossierCounts & { unit: string; date: string };
export type UnitFeedback766 = Feedback766Item & { unit: string };

const within = (units: readonly string[]) => (units.length ? [...units] : ['\u0000none']);

/** Dossier counters per unit and Vietnam date of return (a whole month's: its first day). */
export async function dossierCountsByUnit(db: Kysely<Database>, filter: InputFilter): Promise<DatedDossierCounts[]> {
  // Whole months as one row each (dated their first day): the figures go by month and unit.
  return dossierSums(db, { ...filter, byUnit: true, wholeMonths: true });
}

/** Reports and complaints received in the range, each with its answer, publication, rating and whether it was reopened. */
export async function feedbackItems766(db: Kysely<Database>, filter: InputFilter): Promise<UnitFeedback766[]> {
  let q = db
    .selectFrom('feedback_items as i')
    .select(['i.unit_code', 'i.local_date', 'i.answered_at', 'i.published_at', 'i.sender_rating'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('feedback_events as e').select('e.id').whereRef('e.item_id', '=', 'i.id').where('e.from_status', '=', 'answered').where('e.to_status', '=', 'in_progress'))
        .as('reopened'),
    )
    .where('i.kind', 'in', [...COMPLAINT_KINDS])
    .where('i.local_date', '>=', filter.from)
    .where('i.local_date', '<=', filter.to);
  if (filter.units) q = q.where('i.unit_code', 'in', within(filter.units));
  const rows = await q.execute();
  return rows.map((r) => ({
    unit: r.unit_code,
    receivedDate: r.local_date,
    answeredAt: r.answered_at,
    publishedAt: r.published_at,
    rating: r.sender_rating === 'satisfied' || r.sender_rating === 'dissatisfied' ? r.sender_rating : null,
    // SQLite answers 0/1, PostgreSQL true/false.
    raisedAgain: Boolean(Number(r.reopened)),
  }));
}

/** Feedback items whose sender rated the handling, per unit and month of receipt, in every unit. */
export async function feedbackRatedByMonth(db: Kysely<Database>, from: string, to: string): Promise<UnitMonthRated[]> {
  // Counted by the database: a row per unit and month, not one per rated item.
  const month = sql<string>`substr(local_date, 1, 7)`;
  const rows = await db
    .selectFrom('feedback_items')
    .select((eb) => ['unit_code', month.as('month'), eb.fn.countAll().as('rated')])
    .where('sender_rating', 'is not', null)
    .where('local_date', '>=', from)
    .where('local_date', '<=', to)
    .groupBy(['unit_code', month])
    .execute();
  // PostgreSQL's count is a bigint, sent as text.
  return rows.map((r) => ({ unit: r.unit_code, month: r.month, rated: Number(r.rated) }));
}

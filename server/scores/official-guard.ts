// The per-official withholding of one score request: whether its period can carry per-official
// figures at all, and, for each official and period, the lattice's verdict (official-lattice.ts)
// from the year's counts of verified, unflagged responses.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { CutName } from '../repos/answer-count-cuts';
import { officialLattice, type OfficialMonthCount } from '../scoring/official-lattice';
import { officialPeriod } from '../scoring/official-privacy';
import type { Period } from '../scoring/periods';
import type { WithheldReason } from '../scoring/score-card';
import type { ScoreFilter } from '../scoring/score-report';
import type { UnitNode } from '../scoring/unit-tree';
import { foldTallies } from '../tallies/fold-tallies';
import { vietnamDate } from '../scoring/vietnam-time';

export interface OfficialGuard {
  /** The report's whole period, when per-official figures can be given for it. */
  period: Period | null;
  /**
   * Why a figure of `official` may not be shown (null: it may): over the report's period, or a
   * month or quarter within it (`periodKey`), resting on `responses` within the units asked about.
   */
  reason(official: string, responses: number, periodKey?: string): WithheldReason | null;
}

export async function officialGuard(db: Kysely<Database>, units: readonly UnitNode[], filter: ScoreFilter, now: Date): Promise<OfficialGuard> {
  const whole = officialPeriod(filter, vietnamDate(now));
  if (!whole.ok) return { period: null, reason: () => whole.reason };
  const year = whole.period.from.slice(0, 4);
  const lattice = officialLattice(units, await yearCounts(db, filter.surveyId, year), year);
  return {
    period: whole.period,
    reason(official, responses, periodKey = whole.period.key) {
      const verdict = lattice.verdict(official, periodKey);
      if (verdict !== 'shown') return verdict;
      // Responses elsewhere in the period: this figure is a piece of a published whole.
      return responses === lattice.count(official, periodKey) ? null : 'split';
    },
  };
}

/** Verified, unflagged responses per official, unit and month of a year, from the monthly officials' cut. */
async function yearCounts(db: Kysely<Database>, surveyId: string, year: string): Promise<OfficialMonthCount[]> {
  await foldTallies(db);
  const rows = await db
    .selectFrom('answer_tallies_monthly')
    .select(['official_code', 'unit_code', 'local_date', (eb) => eb.fn.sum<number>('responses').as('n')])
    .where('survey_id', '=', surveyId)
    .where('cut', '=', 'official' satisfies CutName)
    .where('flagged', '=', 0)
    .where('local_date', '>=', `${year}-01-01`)
    .where('local_date', '<=', `${year}-12-01`)
    .groupBy(['official_code', 'unit_code', 'local_date'])
    .execute();
  return rows.map((r) => ({ official: r.official_code, unit: r.unit_code, month: r.local_date.slice(0, 7), n: Number(r.n) }));
}

// Decision 766 points for the same units and dates as a score report: for the whole period, for
// each month, and for each unit of the tree (a unit's figures include its sub-units).
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { UnitRow } from '../db/tables/units';
import { dossierCountsByUnit, feedbackItems766, feedbackRatedByMonth } from '../repos/decision-766-inputs';
import { latticesOf, ratedByMonth } from '../repos/dossier-counts';
import { ALL_UNITS } from '../scoring/dossier-lattice';
import { ratingCellReason } from '../scoring/dossier-ratings-privacy';
import { getFeedbackSettings } from '../repos/feedback-settings';
import { points766, roundPoints766, withholdIndicators, type Decision766Figures } from '../scoring/decision-766';
import { addCounts, type DossierCounts } from '../scoring/dossier-figures';
import { judgeFeedback766, type Judged766 } from '../scoring/feedback-766';
import { periodBuckets, periodKey } from '../scoring/period-buckets';
import { rollUpUnits } from '../scoring/unit-rollup';
import { subtreeCodes } from '../scoring/unit-tree';
import { vietnamDate } from '../scoring/vietnam-time';

export interface Decision766Query {
  /** Covered units (null: all) and the root of the unit tree shown (null: every top unit). */
  units: readonly string[] | null;
  root: string | null;
  orgUnits: readonly UnitRow[];
  procedure?: string;
  from: string;
  to: string;
  now: Date;
}

const ZERO: DossierCounts = { dossiers: 0, withDue: 0, onTime: 0, late: 0, rated: 0, dissatisfied: 0, dissatisfiedNotLate: 0 };

export async function decision766Figures(db: Kysely<Database>, q: Decision766Query): Promise<Decision766Figures> {
  const filter = { units: q.units, procedure: q.procedure, from: q.from, to: q.to };
  const years = { from: `${q.from.slice(0, 4)}-01-01`, to: `${q.to.slice(0, 4)}-12-31` };
  const [dossiers, feedback, settings, dossierRatings, feedbackRatings] = await Promise.all([
    dossierCountsByUnit(db, filter),
    feedbackItems766(db, filter),
    getFeedbackSettings(db),
    ratedByMonth(db, years.from, years.to),
    feedbackRatedByMonth(db, years.from, years.to),
  ]);
  const holidays = new Set(settings.holidays);
  const today = vietnamDate(q.now);
  // The two satisfaction indicators rest on people's ratings: shown only where a cell of ratings
  // may be (whole ended periods, enough ratings, the year's lattice), like the dossier figures.
  const dossierLattice = latticesOf(q.orgUnits, dossierRatings);
  const feedbackLattice = latticesOf(q.orgUnits, feedbackRatings);
  const score = (cell: Cell, at: { unit: string | null; from: string; to: string }) => {
    const unit = at.unit ?? ALL_UNITS;
    const points = points766(cell);
    return roundPoints766(
      withholdIndicators(points, {
        handlingSatisfaction: ratingCellReason({ unit, today, procedureFiltered: q.procedure !== undefined, lattice: dossierLattice }, at.from, at.to),
        feedbackSatisfaction: cell.feedback.some((j) => j.rated) ? ratingCellReason({ unit, today, procedureFiltered: false, lattice: feedbackLattice }, at.from, at.to) : null,
      }),
    );
  };

  // One pass puts every dossier row and feedback item in its cells: the whole period, its month and
  // its unit; each item is judged once. (Filtering every row for each month of an open range, and
  // judging each item again in each cell, took seconds with two years of dossiers and complaints.)
  const judged = judgeFeedback766(feedback, holidays, today);
  const total = emptyCell();
  const byMonth = new Map<string, Cell>();
  const byUnit = new Map<string, Cell>();
  for (const row of dossiers) {
    for (const cell of [total, cellOf(byMonth, periodKey(row.date, 'month')), cellOf(byUnit, row.unit)]) cell.dossiers = addCounts(cell.dossiers, row);
  }
  feedback.forEach((item, i) => {
    for (const cell of [total, cellOf(byMonth, periodKey(item.receivedDate, 'month')), cellOf(byUnit, item.unit)]) cell.feedback.push(judged[i]!);
  });

  // Months without a dossier or an item would only repeat "no data": they are left out.
  const months = periodBuckets(q.from, q.to, 'month').flatMap((b) => {
    const cell = byMonth.get(b.key);
    return cell ? [{ key: b.key, from: b.from, to: b.to, points: score(cell, { unit: q.root, from: b.from, to: b.to }) }] : [];
  });
  const tree = rollUpUnits(q.orgUnits, q.root, new Map()).filter((u) => q.units === null || q.units.includes(u.code));
  const units = tree.map((u) => {
    const cell = emptyCell();
    for (const code of new Set(subtreeCodes(q.orgUnits, u.code))) {
      const own = byUnit.get(code);
      if (!own) continue;
      cell.dossiers = addCounts(cell.dossiers, own.dossiers);
      for (const j of own.feedback) cell.feedback.push(j);
    }
    const unit = q.orgUnits.find((x) => x.code === u.code)!;
    return { unit: u.code, label: { vi: unit.name_vi, en: unit.name_en }, depth: u.depth, points: score(cell, { unit: u.code, from: q.from, to: q.to }) };
  });
  return { total: score(total, { unit: q.root, from: q.from, to: q.to }), months, units };
}

/** What one cell of the figures counts: its dossiers summed, and its feedback items judged. */
interface Cell {
  dossiers: DossierCounts;
  feedback: Judged766[];
}

const emptyCell = (): Cell => ({ dossiers: ZERO, feedback: [] });

function cellOf(cells: Map<string, Cell>, key: string): Cell {
  let cell = cells.get(key);
  if (!cell) cells.set(key, (cell = emptyCell()));
  return cell;
}

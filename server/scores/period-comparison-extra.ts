// The previous period's figures for the same filter, compared with the report's: for the printed
// report and the XLSX, which a Department of Home Affairs reads against the period before.
import { comparePeriods } from '../scoring/period-comparison';
import { previousPeriod } from '../scoring/previous-period';
import { roundReport } from '../scoring/round-figures';
import type { PeriodComparison, ScoreReport } from '../scoring/score-report';
import { vietnamDate } from '../scoring/vietnam-time';
import { computeScores } from './compute-scores';
import type { ResolvedQuery } from './score-query';

/** The comparison, or undefined for a report from the beginning of time (nothing before it). */
export async function periodComparison(r: ResolvedQuery, report: ScoreReport): Promise<PeriodComparison | undefined> {
  if (!r.filter.from) return undefined;
  const before = previousPeriod({ from: r.filter.from, to: r.filter.to ?? vietnamDate(r.src.now) });
  const previous = roundReport(await computeScores(r.src, { ...r.filter, ...before }, r.covered, [], { service: false }));
  return { ...before, responses: previous.responses, rows: comparePeriods(report, previous, report.targets) };
}

// What an export needs, shared by the HTTP routes and the command line: the rounded report and
// everything the files say about it.
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../repos/audit-log';
import type { CountFilter } from '../repos/score-counts';
import type { RawRows } from '../exports/raw-rows';
import type { ReportContext } from '../exports/report-context';
import { staffText } from '../exports/staff-text';
import { roundReport } from '../scoring/round-figures';
import type { ScoreFilter } from '../scoring/score-report';
import { vietnamDate } from '../scoring/vietnam-time';
import { computeScores, countFilterOf } from './compute-scores';
import { periodComparison } from './period-comparison-extra';
import type { ResolvedQuery } from './score-query';

export async function exportContext(r: ResolvedQuery, localesDir: string, lang: string, rawRows: RawRows = 'anonymous'): Promise<{ ctx: ReportContext; counts: CountFilter }> {
  const report = roundReport(await computeScores(r.src, r.filter, r.covered, r.specs));
  const comparison = await periodComparison(r, report);
  if (comparison) report.extras.comparison = comparison;
  return { ctx: { report, def: r.src.def, org: r.src.org, lang, t: staffText(localesDir, lang), now: r.src.now, rawRows }, counts: countFilterOf(r.filter, r.covered) };
}

/** Every export is written to the audit log before the first byte leaves, with how detailed its rows are. */
export async function auditExport(deps: Pick<AppDeps, 'db'>, actor: string, kind: 'csv' | 'xlsx' | 'report', filter: ScoreFilter, by: readonly string[], now: Date, rawRows?: RawRows): Promise<void> {
  await recordAudit(deps.db, { actor, action: `export.${kind}`, target: filter.surveyId, details: { ...filter, by, ...(rawRows ? { rawRows } : {}) } }, now);
}

/**
 * sipas-2017_MC_2026-03-01_2026-03-31.xlsx: the questionnaire, the unit (or "all") and the real
 * dates (an open end is today's date; a report from the beginning says "to-<date>"), safe in any
 * file system and header.
 */
export function exportFileName(filter: ScoreFilter, extension: string, now: Date): string {
  const to = filter.to ?? vietnamDate(now);
  const dates = filter.from ? [filter.from, to] : [`to-${to}`];
  const parts = [filter.surveyId, filter.unit ?? 'all', ...dates];
  return `${parts.join('_').replace(/[^A-Za-z0-9._-]/g, '-')}.${extension}`;
}

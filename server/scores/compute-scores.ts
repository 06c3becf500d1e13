// Scores for a filter: counts read from the aggregate tables (never every response), scored by
// the pure code in server/scoring, with the breakdowns asked for.
import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { Database } from '../db/database';
import type { OfficialRow } from '../db/tables/officials';
import type { ProcedureRow } from '../db/tables/procedures';
import type { UnitRow } from '../db/tables/units';
import { changesSince, type UnitChange } from '../scoring/unit-history';
import { readTallies, type CountFilter } from '../repos/score-counts';
import { readTargets } from '../repos/score-targets';
import { guardCard } from '../scoring/official-privacy';
import { scoreCard } from '../scoring/score-card';
import type { Breakdown, ScoreFilter, ScoreReport, StructureChange } from '../scoring/score-report';
import { emptyTally } from '../scoring/tally';
import type { BreakdownSpec } from './breakdowns';
import { dimensionRows, periodRows, questionRows } from './breakdown-rows';
import type { CoveredUnits } from './score-scope';
import { officialGuard } from './official-guard';
import { serviceExtras } from './service-figures';

export interface Organisation {
  units: UnitRow[];
  procedures: ProcedureRow[];
  officials: OfficialRow[];
  /** Dated moves and merges of units, oldest first (none: today's tree holds for every date). */
  changes?: UnitChange[];
}

export interface ScoreSources {
  db: Kysely<Database>;
  /** For the few breakdowns that must scan responses (demographic questions). */
  reader: Kysely<Database>;
  def: SurveyDefinition;
  org: Organisation;
  /** When the figures are computed: "overdue" and an open-ended range end are judged against it. */
  now: Date;
}

export function countFilterOf(filter: ScoreFilter, covered: CoveredUnits): CountFilter {
  const { surveyId, from, to, procedure, official, channel, includeFlagged, includeUnverified } = filter;
  const counts: CountFilter = { surveyId, from, to, units: covered.units, procedure, official, channel, includeFlagged, includeUnverified };
  if (covered.spans) counts.spans = covered.spans;
  return counts;
}

/** The full score report for a filter whose units are already resolved and checked. */
export async function computeScores(
  src: ScoreSources,
  filter: ScoreFilter,
  covered: CoveredUnits,
  specs: readonly BreakdownSpec[] = [],
  options: { service?: boolean } = {},
): Promise<ScoreReport> {
  const counts = countFilterOf(filter, covered);
  const whole = await readTallies(src.db, counts);
  const official = filter.official;
  const needsGuard = official !== undefined || specs.some((s) => s.by === 'official');
  const guard = needsGuard ? await officialGuard(src.db, src.org.units, filter, src.now) : undefined;
  const overall = scoreCard(src.def, whole.groups.get('') ?? emptyTally());
  const card = official !== undefined ? guardCard(overall, guard!.reason(official, overall.responses)) : overall;
  const rowsOf = { official, guard };
  const breakdowns: Breakdown[] = [];
  for (const spec of specs) {
    const rows =
      spec.kind === 'dimension'
        ? await dimensionRows(src, counts, covered, spec.by, rowsOf)
        : spec.kind === 'period'
          ? await periodRows(src, counts, spec.by, rowsOf)
          : await questionRows(src, counts, spec.by, rowsOf);
    breakdowns.push({ by: spec.by, kind: spec.kind, rows });
  }
  return {
    surveyId: src.def.id,
    surveyVersion: src.def.version,
    filter,
    ...card,
    flaggedResponses: whole.flagged,
    unverifiedResponses: whole.unverified,
    targets: await readTargets(src.db, src.def.id, src.def.elements.map((e) => e.id)),
    breakdowns,
    extras: options.service === false ? {} : await serviceExtras(src, filter, covered),
    structureChanges: structureChangesOf(src.org.changes ?? [], filter, covered),
  };
}

/** The moves and merges that touch the report's units and took effect after its first day. */
function structureChangesOf(changes: readonly UnitChange[], filter: ScoreFilter, covered: CoveredUnits): StructureChange[] {
  const seen = covered.units === null ? null : new Set([...covered.units, ...(covered.spans ?? []).flatMap((s) => s.units)]);
  const touches = (c: UnitChange) => seen === null || [c.unit, c.from, c.to].some((code) => code !== null && seen.has(code));
  return changesSince(changes, filter.from)
    .filter(touches)
    .map((c) => ({ ...c, withinRange: filter.to === undefined || c.effectiveFrom <= filter.to }));
}

// The filter every scores and exports request takes, checked at the edge and resolved against the
// organisation and the staff member's scope.
import { z } from 'zod';
import type { StaffScope } from '../auth/staff-scope';
import type { AppDeps } from '../app-deps';
import { HttpError } from '../http-error';
import { listOfficials, listProcedures, listUnits } from '../repos/organisation';
import { CHANNELS } from '../responses/response-body';
import type { ScoreFilter } from '../scoring/score-report';
import { calendarDate, datesInOrder } from '../dates/calendar-date';
import { invalid } from '../validate';
import { parseBreakdowns, type BreakdownSpec } from './breakdowns';
import type { ScoreSources } from './compute-scores';
import { coverUnits, historicalSpans, type CoveredUnits } from './score-scope';
import { listUnitChanges } from '../repos/unit-changes';

const code = z.string().min(1).max(64);

export const scoreQueryFields = {
  survey: z.string().min(1).max(64),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  unit: code.optional(),
  procedure: code.optional(),
  official: code.optional(),
  channel: z.enum(CHANNELS).optional(),
  includeFlagged: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true'),
  /** Count open-link answers too (their channel is not proven); implied by channel=web. */
  includeUnverified: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true'),
  /** Breakdowns, comma-separated: unit, procedure, official, channel, day … year, or a demographic question id. */
  by: z.string().max(300).optional().transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [])),
  /** 0 leaves out the dossier and feedback figures (extras.service), e.g. for a trend chart. */
  service: z.enum(['0', '1']).default('1').transform((v) => v === '1'),
};

export const scoreQuery = z.object(scoreQueryFields).strict().refine(datesInOrder, { path: ['to'], message: 'must not be before from' });
export type ScoreQuery = z.infer<typeof scoreQuery>;

export interface ResolvedQuery {
  src: ScoreSources;
  filter: ScoreFilter;
  covered: CoveredUnits;
  specs: BreakdownSpec[];
  /** Whether the report carries the dossier and feedback figures. */
  service: boolean;
}

/** Looks up the survey, resolves the unit within `scope` (null: no limit) and checks the breakdowns. */
export async function resolveScoreQuery(deps: Pick<AppDeps, 'db' | 'reader' | 'surveys'> & { clock?: () => Date }, scope: StaffScope | null, q: Omit<ScoreQuery, 'service' | 'includeUnverified'> & { service?: boolean; includeUnverified?: boolean }): Promise<ResolvedQuery> {
  const def = deps.surveys.get(q.survey);
  if (!def) throw new HttpError(404, 'unknown_survey', `No questionnaire "${q.survey}"`);
  const org = { units: await listUnits(deps.db), procedures: await listProcedures(deps.db), officials: await listOfficials(deps.db), changes: await listUnitChanges(deps.db) };
  const covered = coverUnits(org.units, scope, q.unit);
  if (!covered.ok && covered.reason === 'forbidden_unit') throw new HttpError(403, 'forbidden_unit', `You may not see the figures of unit "${q.unit}"`);
  if (!covered.ok) throw invalid([{ path: 'unit', code: 'unknown_unit', message: `No unit with code "${q.unit}"` }]);
  const parsed = parseBreakdowns(def, q.by);
  if (!parsed.ok) throw invalid(parsed.unknown.map((b) => ({ path: 'by', code: 'unknown_breakdown', message: `"${b}" is not a breakdown of ${def.id}` })));
  // Asking for the open-link channel is asking for its unverified answers.
  const filter: ScoreFilter = { surveyId: def.id, includeFlagged: q.includeFlagged, includeUnverified: q.includeUnverified === true || q.channel === 'web' };
  for (const key of ['from', 'to', 'unit', 'procedure', 'official', 'channel'] as const) if (q[key] !== undefined) filter[key] = q[key];
  // Someone limited to a subtree is shown figures for its root unit, and the files say so.
  if (filter.unit === undefined && covered.root !== null) filter.unit = covered.root;
  const spans = historicalSpans(org.units, org.changes, filter.unit ?? null, filter.from, filter.to);
  return { src: { db: deps.db, reader: deps.reader, def, org, now: deps.clock?.() ?? new Date() }, filter, covered: { units: covered.units, root: covered.root, ...(spans ? { spans } : {}) }, specs: parsed.specs, service: q.service ?? true };
}

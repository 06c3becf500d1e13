// Whether a rule's condition holds now, with the figures that show it: read from storage, decided
// by the pure checks in server/scoring/alert-checks.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { AlertKind, AlertRuleRow } from '../db/tables/alert-rules';
import type { UnitRow } from '../db/tables/units';
import { COMPLAINT_KINDS } from '../feedback/feedback-rules';
import { readTallies } from '../repos/score-counts';
import { DEFAULT_TARGET, readTargets } from '../repos/score-targets';
import { belowTarget, fellSignificantly, isSilent } from '../scoring/alert-checks';
import { scoreCard, type IndexFigure, type ScoreCard } from '../scoring/score-card';
import { emptyTally } from '../scoring/tally';
import { subtreeCodes } from '../scoring/unit-tree';
import { addDays, vietnamDate } from '../scoring/vietnam-time';
import type { SurveyRegistry } from '../surveys/survey-registry';

export interface RuleCheck {
  fires: boolean;
  figures: Record<string, unknown>;
}

export interface CheckSources {
  db: Kysely<Database>;
  surveys: SurveyRegistry;
  units: readonly UnitRow[];
  now: Date;
}

export async function evaluateRule(src: CheckSources, rule: AlertRuleRow): Promise<RuleCheck> {
  const units = subtreeCodes(src.units, rule.unit_code);
  if (!units.length) return { fires: false, figures: { error: 'unknown_unit' } };
  const today = vietnamDate(src.now);
  switch (rule.kind as AlertKind) {
    case 'index_below_target':
    case 'index_fell':
      return indexCheck(src, rule, units, today);
    case 'complaints_overdue': {
      const rows = await src.db
        .selectFrom('feedback_items')
        .select(['due_date'])
        .where('kind', 'in', [...COMPLAINT_KINDS])
        .where('status', 'in', ['received', 'in_progress'])
        .where('due_date', '<', today)
        .where((eb) => eb.or([eb('unit_code', 'in', units), eb('assigned_unit', 'in', units)]))
        .orderBy('due_date')
        .execute();
      return { fires: rows.length > 0, figures: { overdue: rows.length, oldestDue: rows[0]?.due_date ?? null } };
    }
    case 'kiosk_silent': {
      const devices = await src.db
        .selectFrom('kiosk_devices')
        .select(['id', 'name', 'unit_code', 'last_seen_at', 'enrolled_at'])
        .where('unit_code', 'in', units)
        .where('credential_hash', 'is not', null)
        .where('revoked_at', 'is', null)
        .orderBy('name')
        .execute();
      const silent = devices.filter((d) => isSilent(d.last_seen_at, d.enrolled_at!, src.now, rule.days));
      return { fires: silent.length > 0, figures: { silent: silent.map((d) => ({ name: d.name, unit: d.unit_code, lastSeenAt: d.last_seen_at })), devices: devices.length } };
    }
    default:
      return { fires: false, figures: { error: 'unknown_kind' } };
  }
}

async function indexCheck(src: CheckSources, rule: AlertRuleRow, units: string[], today: string): Promise<RuleCheck> {
  const def = src.surveys.get(rule.survey_id);
  if (!def) return { fires: false, figures: { error: 'unknown_survey' } };
  const from = addDays(today, -(rule.days - 1));
  const card = async (f: string, t: string): Promise<ScoreCard> => {
    const { groups } = await readTallies(src.db, { surveyId: def.id, from: f, to: t, units, includeFlagged: false, includeUnverified: false });
    return scoreCard(def, groups.get('') ?? emptyTally());
  };
  const pick = (c: ScoreCard): IndexFigure | undefined => (rule.element === 'overall' ? c.overall : c.elements.find((e) => e.id === rule.element));
  const answered = (c: ScoreCard) => c.criteria.filter((x) => x.index !== null && (rule.element === 'overall' || x.element === rule.element)).length;
  const current = await card(from, today);
  const figure = pick(current);
  if (!figure) return { fires: false, figures: { error: 'unknown_element' } };
  const window = { from, to: today, responses: current.responses };
  if (rule.kind === 'index_below_target') {
    const targets = rule.element === 'overall' ? {} : await readTargets(src.db, def.id, [rule.element]);
    const check = belowTarget(figure, rule.target ?? targets[rule.element] ?? DEFAULT_TARGET);
    return { fires: check.fires, figures: { ...window, index: check.index, upper: check.upper, n: check.n, target: check.target } };
  }
  const before = { from: addDays(from, -rule.days), to: addDays(from, -1) };
  const previous = await card(before.from, before.to);
  const check = fellSignificantly(figure, pick(previous)!, { current: answered(current), previous: answered(previous) });
  return { fires: check.fires, figures: { ...window, previousFrom: before.from, previousTo: before.to, previousResponses: previous.responses, index: check.current, previous: check.previous, pValue: check.pValue } };
}

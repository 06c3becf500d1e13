// SIPAS indices from a tally and the survey definition. Which values count as satisfied, and how
// element indices combine, come from the definition, so another method is a change of data.
import { listCriteria } from '../../survey-defs/criteria';
import type { Scale, SurveyDefinition } from '../../survey-defs/schema';
import { assessmentFigures, expectationFigures, type AssessmentFigure, type ExpectationFigure } from './choice-shares';
import { countsOf, type Tally } from './tally';
import { wilsonInterval } from './wilson';

/** A figure resting on fewer valid answers than this is flagged as a small sample. */
export const SMALL_SAMPLE = 30;

/** An index in percent with its uncertainty; index is null when there is no valid answer. */
export interface IndexFigure {
  index: number | null;
  /** The valid answers behind the figure (for an element or overall: summed over its criteria). */
  n: number;
  /** Mean score on the scale (1–5, or 1–3 on the counter form). */
  mean: number | null;
  ci95: [number, number] | null;
  smallSample: boolean;
}

export interface CriterionScore extends IndexFigure {
  id: string;
  element: string;
  /** Valid answers at each level of the scale, by level value. */
  levels: Record<string, number>;
  noOpinion: number;
}

export interface ElementScore extends IndexFigure {
  id: string;
}

/**
 * Why a figure about one official is hidden: fewer than 5 responses; hidden so that another
 * withheld figure cannot be computed from it (complement); not a whole calendar period, or one
 * still running; split by another filter; or the official also worked in units outside the
 * ones asked about, in that period.
 */
export type WithheldReason = 'few_responses' | 'complement' | 'not_whole_period' | 'period_not_ended' | 'filtered' | 'split';

export interface GroupScore extends IndexFigure {
  id: string;
}

export interface ScoreCard {
  responses: number;
  /** True when the figures are hidden to protect one official or one person's answer. */
  withheld: boolean;
  withheldReason?: WithheldReason;
  overall: IndexFigure;
  elements: ElementScore[];
  criteria: CriterionScore[];
  /** Only for a definition with groups (Decision 1001's two contents of satisfaction). */
  groups?: GroupScore[];
  /** Only for a definition with assessment or expectation questions. */
  assessments?: AssessmentFigure[];
  expectations?: ExpectationFigure[];
}

/** Scores every criterion, element and the overall index of `def` from `tally`. */
export function scoreCard(def: SurveyDefinition, tally: Tally): ScoreCard {
  const criteria = listCriteria(def).map((c) => ({ id: c.id, element: c.element, ...scoreCriterion(countsOf(tally, c.id), def.scales[c.scale]!) }));
  const elements = def.elements.map((el) => ({ id: el.id, ...combine(criteria.filter((c) => c.element === el.id).map((c) => ({ figure: c, weight: 1 }))) }));
  const rule = def.scoring.overall;
  const weightOf = (el: { weight: number }) => (rule === 'weighted-mean' ? el.weight : 1);
  const groups = def.groups.map((g) => ({
    id: g.id,
    ...combine(g.elements.map((id) => ({ figure: elements.find((e) => e.id === id)!, weight: weightOf(def.elements.find((e) => e.id === id)!) }))),
  }));
  const overall =
    rule === 'mean-of-groups' || rule === 'weighted-mean-of-groups'
      ? combine(groups.map((g, i) => ({ figure: g, weight: rule === 'weighted-mean-of-groups' ? def.groups[i]!.weight : 1 })))
      : combine(elements.map((e, i) => ({ figure: e, weight: weightOf(def.elements[i]!) })));
  const card: ScoreCard = { responses: tally.responses, withheld: false, overall, elements, criteria };
  if (groups.length) card.groups = groups;
  const assessments = assessmentFigures(def, tally);
  if (assessments.length) card.assessments = assessments;
  const expectations = expectationFigures(def, tally);
  if (expectations.length) card.expectations = expectations;
  return card;
}

/** A criterion index: satisfied share of valid answers; "no opinion" and other values are not valid. */
export function scoreCriterion(counts: ReadonlyMap<string, number>, scale: Scale): Omit<CriterionScore, 'id' | 'element'> {
  const satisfiedValues = new Set(scale.satisfied);
  const levels: Record<string, number> = {};
  let n = 0;
  let satisfied = 0;
  let sum = 0;
  for (const level of scale.levels) {
    const count = counts.get(String(level.value)) ?? 0;
    levels[level.value] = count;
    n += count;
    sum += count * level.value;
    if (satisfiedValues.has(level.value)) satisfied += count;
  }
  return {
    index: n ? (100 * satisfied) / n : null,
    n,
    mean: n ? sum / n : null,
    ci95: wilsonInterval(satisfied, n),
    smallSample: n < SMALL_SAMPLE,
    levels,
    noOpinion: counts.get('0') ?? 0,
  };
}

/**
 * The weighted mean of the parts that have data. Its interval is the same mean of their
 * intervals: exact if the parts moved together, wider (so safe) when they vary independently.
 */
function combine(parts: { figure: IndexFigure; weight: number }[]): IndexFigure {
  const scored = parts.filter((p) => p.figure.index !== null);
  const n = parts.reduce((s, p) => s + p.figure.n, 0);
  if (!scored.length) return { index: null, n, mean: null, ci95: null, smallSample: true };
  const total = scored.reduce((s, p) => s + p.weight, 0);
  const mean = (pick: (f: IndexFigure) => number) => scored.reduce((s, p) => s + p.weight * pick(p.figure), 0) / total;
  return {
    index: mean((f) => f.index!),
    n,
    mean: mean((f) => f.mean!),
    ci95: [mean((f) => f.ci95![0]), mean((f) => f.ci95![1])],
    smallSample: scored.length < parts.length || scored.some((p) => p.figure.smallSample),
  };
}

/** The same card with every figure hidden: shown as withheld, never as zero. */
export function withheldCard(responses: number, reason: WithheldReason = 'few_responses'): ScoreCard {
  return { responses, withheld: true, withheldReason: reason, overall: { index: null, n: 0, mean: null, ci95: null, smallSample: true }, elements: [], criteria: [] };
}

// Decision 766/QĐ-TTg (23/6/2022) scores service to people and businesses out of 100 points on the
// national public-service portal. Four of its indicators rest on data this platform holds; their
// points are computed here as the portal computes them. Pure: counts in, points out.
//
// Sources. The groups and their maxima (publicity 18, progress 20, digitisation 22, online
// services 22, satisfaction 18) are in the decision itself (text at thuviennhadat.vn,
// "quyet-dinh-766-qd-ttg-2022-…-518821"; summary by Sở Nội vụ Nam Định, "thu-tuong-chinh-phu-phe-
// duyet-bo-chi-so-…-2373"); "satisfaction in receiving and handling procedures" is worth 6 of the
// 18 (baocaotaichinh.vn, "quyet-dinh-766-qd-ttg-2022-…-126270"). The per-indicator formulas below
// are those public analyses of the portal's scoring report (shared/reference/SIPAS.md, section
// "Decision 766"); the decision's appendix text could not be read here to check them word by word.
import type { DossierCounts } from './dossier-figures';
import type { WithheldReason } from './score-card';
import type { Judged766 } from './feedback-766';

export const INDICATORS_766 = ['handlingSatisfaction', 'feedbackSatisfaction', 'feedbackOnTime', 'progress'] as const;
export type Indicator766Id = (typeof INDICATORS_766)[number];

/** Maximum points of each indicator. */
export const MAX_POINTS_766: Record<Indicator766Id, number> = { handlingSatisfaction: 6, feedbackSatisfaction: 6, feedbackOnTime: 6, progress: 20 };

/** The portal gives full points for procedure handling once the ratio reaches this share. */
export const HANDLING_FULL_MARKS_RATIO = 0.9;

/**
 * Inputs the figure lacks in this period. `dossiers`: the one-stop system reported no returned
 * dossier (QR invitations); `dueDates`: some dossiers came without a due date; `dossierRatings`:
 * no dossier was rated, so dislikes are unknown; `feedbackRatings`: no sender rated how their
 * item was handled.
 */
export type MissingInput = 'dossiers' | 'dueDates' | 'dossierRatings' | 'feedbackRatings';

export interface Indicator766 {
  id: Indicator766Id;
  max: number;
  /** The indicator's ratio in percent (0–100), null when it cannot be computed. */
  ratio: number | null;
  /** Points, null when a required input is missing. */
  points: number | null;
  /** What the ratio is taken over: dossiers, dossiers with a due date, or feedback items. */
  n: number;
  missing: MissingInput[];
  /** Set when the indicator rests on people's ratings that this cell would give away (and so is not scored). */
  withheld?: WithheldReason;
}

export interface Points766 {
  indicators: Indicator766[];
  /** Sum of the points that could be computed, out of the sum of their maxima. */
  points: number;
  max: number;
}

/** Points for the whole period, each month and each unit of the tree (a unit includes its sub-units). */
export interface Decision766Figures {
  total: Points766;
  months: { key: string; from: string; to: string; points: Points766 }[];
  units: { unit: string; label: { vi: string; en?: string }; depth: number; points: Points766 }[];
}

export interface Inputs766 {
  dossiers: DossierCounts;
  /** Reports and complaints (phản ánh, kiến nghị) received in the period, judged (judgeFeedback766). */
  feedback: readonly Judged766[];
}

/**
 * Satisfaction with receiving and handling procedures (6 points): ratio = 100% − (share of
 * dossiers returned late + share rated dissatisfied); points = min(6, 6 × ratio / 90%). The
 * portal adds the two shares, so a late dossier that was also disliked counts twice.
 * Complaints are not linked to a dossier here (feedback names a unit and procedure only), so the
 * "with a complaint" share cannot be added; see README.
 */
export function handlingSatisfaction766(d: DossierCounts): Indicator766 {
  const missing: MissingInput[] = [];
  if (d.dossiers === 0) return { id: 'handlingSatisfaction', max: 6, ratio: null, points: null, n: 0, missing: ['dossiers'] };
  if (d.withDue < d.dossiers) missing.push('dueDates');
  if (d.rated === 0) missing.push('dossierRatings');
  const ratio = Math.max(0, 1 - d.late / d.dossiers - d.dissatisfied / d.dossiers);
  return { id: 'handlingSatisfaction', max: 6, ratio: ratio * 100, points: Math.min(6, (6 * ratio) / HANDLING_FULL_MARKS_RATIO), n: d.dossiers, missing };
}

/** Progress of handling (20 points): dossiers returned on time / dossiers with a due date × 20. */
export function progress766(d: DossierCounts): Indicator766 {
  if (d.dossiers === 0) return { id: 'progress', max: 20, ratio: null, points: null, n: 0, missing: ['dossiers'] };
  if (d.withDue === 0) return { id: 'progress', max: 20, ratio: null, points: null, n: 0, missing: ['dueDates'] };
  const ratio = d.onTime / d.withDue;
  return { id: 'progress', max: 20, ratio: ratio * 100, points: 20 * ratio, n: d.withDue, missing: d.withDue < d.dossiers ? ['dueDates'] : [] };
}

/**
 * Satisfaction with handling feedback (6 points): (items − those rated dissatisfied by their
 * sender, raised again or overdue) / items × 6; 6 when there were no items.
 */
export function feedbackSatisfaction766(judged: readonly Judged766[]): Indicator766 {
  if (!judged.length) return { id: 'feedbackSatisfaction', max: 6, ratio: null, points: 6, n: 0, missing: [] };
  const good = judged.filter((j) => !j.dissatisfied && !j.raisedAgain && !j.overdue).length;
  const answered = judged.some((j) => j.answered);
  const rated = judged.some((j) => j.rated);
  const ratio = good / judged.length;
  return { id: 'feedbackSatisfaction', max: 6, ratio: ratio * 100, points: 6 * ratio, n: judged.length, missing: answered && !rated ? ['feedbackRatings'] : [] };
}

/**
 * Feedback handled on time (6 points): on-time share × 6, over the items whose outcome is known
 * (handled, or past the deadline unhandled); items still within the deadline are left out. With
 * none decided, 6, as for the satisfaction indicator.
 */
export function feedbackOnTime766(judged: readonly Judged766[]): Indicator766 {
  const decided = judged.filter((j) => !j.pending);
  if (!decided.length) return { id: 'feedbackOnTime', max: 6, ratio: null, points: 6, n: 0, missing: [] };
  const ratio = decided.filter((j) => j.onTime).length / decided.length;
  return { id: 'feedbackOnTime', max: 6, ratio: ratio * 100, points: 6 * ratio, n: decided.length, missing: [] };
}

/** The four indicators and their sum. */
export function points766(inputs: Inputs766): Points766 {
  const indicators = [
    handlingSatisfaction766(inputs.dossiers),
    feedbackSatisfaction766(inputs.feedback),
    feedbackOnTime766(inputs.feedback),
    progress766(inputs.dossiers),
  ];
  const scored = indicators.filter((i) => i.points !== null);
  return { indicators, points: scored.reduce((s, i) => s + i.points!, 0), max: scored.reduce((s, i) => s + i.max, 0) };
}

/**
 * The points with the indicators that rest on ratings withheld where the cell could show one
 * person's rating (dossier-ratings-privacy.ts), and the sum over the rest.
 */
export function withholdIndicators(p: Points766, reasons: Partial<Record<Indicator766Id, WithheldReason | null>>): Points766 {
  const indicators = p.indicators.map((i) => (reasons[i.id] ? { ...i, ratio: null, points: null, withheld: reasons[i.id]! } : i));
  const scored = indicators.filter((i) => i.points !== null);
  return { indicators, points: scored.reduce((s, i) => s + i.points!, 0), max: scored.reduce((s, i) => s + i.max, 0) };
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** Points and ratios to two decimals, as every figure leaves the server. */
export function roundPoints766(p: Points766): Points766 {
  return { indicators: p.indicators.map((i) => ({ ...i, ratio: round2(i.ratio), points: round2(i.points) })), points: round2(p.points)!, max: p.max };
}

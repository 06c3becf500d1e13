// The shape every consumer of scores reads: the API, the dashboard, the CLI, the XLSX and the
// printed report. New blocks go in `extras` under a key of their own, so nothing is reshaped.
import type { LocalizedText } from '../../survey-defs/schema';
import type { Decision766Figures } from './decision-766';
import type { DossierFigures, PeriodFigures } from './dossier-figures';
import type { FeedbackFigures } from './feedback-figures';
import type { ComparedIndex } from './period-comparison';
import type { ScoreCard } from './score-card';

export const DIMENSIONS = ['unit', 'procedure', 'official', 'channel'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** What the figures were computed over, as asked (dates are Vietnam dates, both inclusive). */
export interface ScoreFilter {
  surveyId: string;
  from?: string;
  to?: string;
  unit?: string;
  procedure?: string;
  official?: string;
  channel?: string;
  includeFlagged: boolean;
  /** Count open-link answers (whose channel nobody proved) too; the channel filter `web` implies it. */
  includeUnverified: boolean;
}

export interface BreakdownRow extends ScoreCard {
  /** Unit, procedure or official code, channel, period key or option id ('' = not given). */
  key: string;
  label?: LocalizedText;
  /** Unit rows: the parent's code and the depth below the top row, for an indented tree. */
  parent?: string | null;
  depth?: number;
  /** Period rows: first and last date. */
  from?: string;
  to?: string;
}

export interface Breakdown {
  /** A dimension, a period grain, or the id of a demographic question. */
  by: string;
  kind: 'dimension' | 'period' | 'question';
  rows: BreakdownRow[];
}

/** Service figures for the same units and dates as the indices (server/scores/service-figures.ts). */
export interface ServiceFigures {
  /** Dossiers by Vietnam date of return, from QR invitations: on-time share and Decision 766 handling satisfaction. */
  dossiers: { total: DossierFigures; months: PeriodFigures[] };
  /** Feedback by Vietnam date of receipt, judged as of `asOf`: answered on time, median days, Decision 766 complaints on time. */
  feedback: { asOf: string; total: FeedbackFigures; months: { key: string; from: string; to: string; figures: FeedbackFigures }[] };
}

/** Blocks other features add beside the indices: one optional key each. */
export interface ScoreExtras {
  service?: ServiceFigures;
  /** Decision 766 points (same units and dates), beside the ratios in `service`. */
  decision766?: Decision766Figures;
  /** The previous period and each element compared with it and with its target (reports and XLSX). */
  comparison?: PeriodComparison;
}

/** The report's figures against the period before (server/scores/period-comparison-extra.ts). */
export interface PeriodComparison {
  from: string;
  to: string;
  responses: number;
  rows: ComparedIndex[];
}

export interface ScoreReport extends ScoreCard {
  surveyId: string;
  surveyVersion: number;
  filter: ScoreFilter;
  /** Responses flagged (e.g. repeated kiosk taps) within the filter: left out unless includeFlagged. */
  flaggedResponses: number;
  /** Open-link answers within the filter: left out unless includeUnverified. */
  unverifiedResponses: number;
  /** The target index of each element, in percent (90 unless an admin set another). */
  targets: Record<string, number>;
  breakdowns: Breakdown[];
  extras: ScoreExtras;
  /**
   * Moves and merges of the report's units that took effect after its first day: the dates before
   * each rolled up through the structure as it was then.
   */
  structureChanges: StructureChange[];
}

export interface StructureChange {
  unit: string;
  kind: 'move' | 'merge';
  from: string | null;
  to: string | null;
  effectiveFrom: string;
  /** Whether it took effect within the range (else after it: the whole range used the older structure). */
  withinRange: boolean;
}

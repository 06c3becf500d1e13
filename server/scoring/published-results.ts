// What the public results page may show of a unit's scores for a period, and how units are
// ranked. Pure. Withheld below a minimum of responses (a handful of forms would show how a few
// people answered); a small sample is shown, marked, and never ranked.
import type { IndexFigure, ScoreCard } from './score-card';

/** Below this many responses a period's figures are not published at all. */
export const PUBLIC_MIN_RESPONSES = 5;

export interface PublishedFigure {
  index: number | null;
  ci95: [number, number] | null;
  n: number;
  smallSample: boolean;
}

export interface PublishedPeriod {
  responses: number;
  /** Fewer than PUBLIC_MIN_RESPONSES responses: no figure is shown. */
  withheld: boolean;
  overall: PublishedFigure | null;
  elements: ({ id: string } & PublishedFigure)[];
  /** 1 = best among the published units for this period; null when small, withheld or empty. */
  rank: number | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const figure = (f: IndexFigure): PublishedFigure => ({
  index: f.index === null ? null : round2(f.index),
  ci95: f.ci95 ? [round2(f.ci95[0]), round2(f.ci95[1])] : null,
  n: f.n,
  smallSample: f.smallSample,
});

/** The card as the public may see it (rank filled in by rankPeriods). */
export function publishCard(card: ScoreCard): PublishedPeriod {
  if (card.withheld || card.responses < PUBLIC_MIN_RESPONSES) return { responses: card.responses, withheld: true, overall: null, elements: [], rank: null };
  return { responses: card.responses, withheld: false, overall: figure(card.overall), elements: card.elements.map((e) => ({ id: e.id, ...figure(e) })), rank: null };
}

/** Can this figure take part in a ranking? Only a full sample with an index. */
export const rankable = (p: PublishedPeriod) => !p.withheld && p.overall !== null && p.overall.index !== null && !p.overall.smallSample;

/** Ranks the units' figures for one period, best first; equal indices share a rank (1, 2, 2, 4). */
export function rankPeriods(periods: readonly PublishedPeriod[]): PublishedPeriod[] {
  const indices = periods.filter(rankable).map((p) => p.overall!.index!);
  return periods.map((p) => (rankable(p) ? { ...p, rank: 1 + indices.filter((x) => x > p.overall!.index!).length } : { ...p, rank: null }));
}

// Figures leave the server rounded to two decimals (percent and mean score): enough for any
// report, and the same numbers on screen, in the CLI and in the files.
import type { IndexFigure, ScoreCard } from './score-card';
import type { ScoreReport } from './score-report';

const round2 = (x: number) => Math.round(x * 100) / 100;

function roundFigure<F extends IndexFigure>(f: F): F {
  return {
    ...f,
    index: f.index === null ? null : round2(f.index),
    mean: f.mean === null ? null : round2(f.mean),
    ci95: f.ci95 === null ? null : [round2(f.ci95[0]), round2(f.ci95[1])],
  };
}

const roundShare = <S extends { share: number | null; ci95: [number, number] | null }>(s: S): S => ({
  ...s,
  share: s.share === null ? null : round2(s.share),
  ci95: s.ci95 === null ? null : [round2(s.ci95[0]), round2(s.ci95[1])],
});

/** The card with every index, mean, share and interval rounded to two decimals. */
export function roundCard<C extends ScoreCard>(card: C): C {
  const out: C = { ...card, overall: roundFigure(card.overall), elements: card.elements.map(roundFigure), criteria: card.criteria.map(roundFigure) };
  if (card.groups) out.groups = card.groups.map(roundFigure);
  if (card.assessments) out.assessments = card.assessments.map((a) => ({ ...a, options: a.options.map(roundShare) }));
  if (card.expectations) out.expectations = card.expectations.map(roundShare);
  return out;
}

/** The report with every figure, breakdowns included, rounded to two decimals. */
export function roundReport(report: ScoreReport): ScoreReport {
  return { ...roundCard(report), breakdowns: report.breakdowns.map((b) => ({ ...b, rows: b.rows.map(roundCard) })) };
}

import { describe, expect, it } from 'vitest';
import { publishCard, rankPeriods, type PublishedPeriod } from '../../server/scoring/published-results';
import type { ScoreCard } from '../../server/scoring/score-card';

const card = (responses: number, index: number | null, smallSample = false): ScoreCard => ({
  responses,
  withheld: false,
  overall: { index, n: responses * 5, mean: 4, ci95: index === null ? null : [index - 3, index + 2.5], smallSample },
  elements: [{ id: 'access', index, n: responses, mean: 4, ci95: null, smallSample }],
  criteria: [{ id: 'access_seats', element: 'access', index, n: responses, mean: 4, ci95: null, smallSample, levels: {}, noOpinion: 0 }],
});

describe('published results', () => {
  it('withholds a period resting on fewer than 5 responses, and never shows criteria', () => {
    expect(publishCard(card(4, 100))).toEqual({ responses: 4, withheld: true, overall: null, elements: [], rank: null });
    const shown = publishCard(card(5, 80.123));
    expect(shown.overall).toEqual({ index: 80.12, ci95: [77.12, 82.62], n: 25, smallSample: false });
    expect(shown).not.toHaveProperty('criteria');
  });

  it('ranks full samples best first, ties sharing a rank, and never a small sample', () => {
    const periods: PublishedPeriod[] = [publishCard(card(200, 85)), publishCard(card(300, 90)), publishCard(card(12, 99, true)), publishCard(card(150, 85)), publishCard(card(3, 100)), publishCard(card(80, 70))];
    expect(rankPeriods(periods).map((p) => p.rank)).toEqual([2, 1, null, 2, null, 4]);
  });
});

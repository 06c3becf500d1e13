import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../survey-defs/check-answers';
import type { SurveyDefinition } from '../../survey-defs/schema';
import { surveyDefsDir } from '../../server/paths';
import { guardCard, officialPeriod } from '../../server/scoring/official-privacy';
import { scoreCard, scoreCriterion } from '../../server/scoring/score-card';
import { addCount, addResponse, emptyTally, type Tally } from '../../server/scoring/tally';
import { wilsonInterval } from '../../server/scoring/wilson';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';

const defs = loadSurveyDefs(surveyDefsDir);
const sipas = defs.find((d) => d.id === 'sipas-2017')!;
const quick = defs.find((d) => d.id === 'counter-quick')!;
const five = sipas.scales.five!;

const tallyOf = (responses: Answers[]): Tally => {
  const tally = emptyTally();
  for (const r of responses) addResponse(tally, r);
  return tally;
};
const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('wilsonInterval', () => {
  it('matches the published Wilson intervals', () => {
    // 8 of 10: 0.4902–0.9433; 2 of 3: 0.2077–0.9385; 0 of 5: 0–0.4345.
    const [a, b] = wilsonInterval(8, 10)!;
    expect(a).toBeCloseTo(49.02, 2);
    expect(b).toBeCloseTo(94.33, 2);
    const [c, d] = wilsonInterval(2, 3)!;
    expect(c).toBeCloseTo(20.77, 2);
    expect(d).toBeCloseTo(93.85, 2);
    expect(wilsonInterval(0, 5)![0]).toBe(0);
    expect(wilsonInterval(0, 5)![1]).toBeCloseTo(43.45, 2);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('scoreCriterion', () => {
  it('counts 4 and 5 as satisfied among valid answers; no opinion (0) is left out', () => {
    // 5×3, 4×5, 3×1, 1×1 are valid (n = 10, 8 satisfied); 2 people had no opinion.
    const s = scoreCriterion(counts({ '5': 3, '4': 5, '3': 1, '1': 1, '0': 2 }), five);
    expect(s.index).toBe(80);
    expect(s.n).toBe(10);
    expect(s.mean).toBeCloseTo(3.9, 10);
    expect(s.noOpinion).toBe(2);
    expect(s.levels).toEqual({ '1': 1, '2': 0, '3': 1, '4': 5, '5': 3 });
    expect(s.ci95![0]).toBeCloseTo(49.02, 2);
    expect(s.smallSample).toBe(true);
  });

  it('flags fewer than 30 valid answers as a small sample, and gives no index without any', () => {
    expect(scoreCriterion(counts({ '4': 29, '0': 40 }), five).smallSample).toBe(true);
    expect(scoreCriterion(counts({ '4': 30 }), five).smallSample).toBe(false);
    expect(scoreCriterion(counts({ '0': 7 }), five)).toMatchObject({ index: null, n: 0, mean: null, ci95: null, smallSample: true });
  });
});

describe('scoreCard on sipas-2017 (hand-computed)', () => {
  const card = scoreCard(
    sipas,
    tallyOf([
      { access_seats: 5, access_equipment_enough: 4, proc_posted_full: 3, fb_channel: 0, gender: 'male' },
      { access_seats: 4, access_equipment_enough: 2, proc_posted_full: 5 },
      { access_seats: 1, proc_posted_full: 4, fb_channel: 5 },
      { access_seats: 0, access_equipment_enough: 5 },
    ]),
  );
  const criterion = (id: string) => card.criteria.find((c) => c.id === id)!;
  const element = (id: string) => card.elements.find((e) => e.id === id)!;

  it('scores each criterion from its valid answers only', () => {
    expect(card.responses).toBe(4);
    expect(criterion('access_seats')).toMatchObject({ element: 'access', n: 3 });
    expect(criterion('access_seats').index).toBeCloseTo(200 / 3, 10); // 5, 4 of 5, 4, 1; the 0 is not valid
    expect(criterion('access_seats').mean).toBeCloseTo(10 / 3, 10);
    expect(criterion('access_equipment_enough').index).toBeCloseTo(200 / 3, 10);
    expect(criterion('proc_posted_full').index).toBeCloseTo(200 / 3, 10);
    expect(criterion('proc_posted_full').mean).toBe(4);
    expect(criterion('fb_channel')).toMatchObject({ index: 100, n: 1, noOpinion: 1 });
    expect(criterion('access_equipment_modern')).toMatchObject({ index: null, n: 0 });
  });

  it('averages the criteria that have answers into each element, and the elements into SIPAS', () => {
    expect(element('access').index).toBeCloseTo(200 / 3, 10);
    expect(element('access').n).toBe(6);
    expect(element('procedure').index).toBeCloseTo(200 / 3, 10);
    expect(element('official')).toMatchObject({ index: null, n: 0, smallSample: true });
    expect(element('feedback').index).toBe(100);
    expect(card.overall.index).toBeCloseTo((200 / 3 + 200 / 3 + 100) / 3, 10);
    expect(card.overall.n).toBe(10);
    expect(card.overall.smallSample).toBe(true);
  });

  it('gives an element the mean of its criteria intervals', () => {
    const [low, high] = wilsonInterval(2, 3)!;
    expect(element('access').ci95![0]).toBeCloseTo(low, 10);
    expect(element('access').ci95![1]).toBeCloseTo(high, 10);
  });
});

describe('scoreCard on the 3-level counter form', () => {
  it('is (Rất hài lòng + Hài lòng) / answers', () => {
    const tally = emptyTally();
    addCount(tally, '*', '', 10);
    addCount(tally, 'overall', '3', 4);
    addCount(tally, 'overall', '2', 3);
    addCount(tally, 'overall', '1', 3);
    addCount(tally, 'reasons', 'late', 2);
    const card = scoreCard(quick, tally);
    expect(card.criteria).toHaveLength(1);
    expect(card.criteria[0]).toMatchObject({ id: 'overall', index: 70, n: 10 });
    expect(card.criteria[0]!.mean).toBeCloseTo(2.1, 10);
    expect(card.elements[0]!.index).toBe(70);
    expect(card.overall.index).toBe(70);
  });
});

describe('scoring.overall from the definition', () => {
  it('weights element indices when the method says weighted-mean', () => {
    const def: SurveyDefinition = {
      ...quick,
      elements: [
        { id: 'a', title: { vi: 'A' }, weight: 3, criteria: [{ id: 'qa', text: { vi: 'a' }, scale: 'three', required: false }] },
        { id: 'b', title: { vi: 'B' }, weight: 1, criteria: [{ id: 'qb', text: { vi: 'b' }, scale: 'three', required: false }] },
      ],
      questions: [],
      sections: [],
      scoring: { overall: 'weighted-mean' },
    };
    const tally = tallyOf([{ qa: 3, qb: 1 }, { qa: 3, qb: 1 }]);
    expect(scoreCard(def, tally).overall.index).toBe(75); // (3·100 + 1·0) / 4
    expect(scoreCard({ ...def, scoring: { overall: 'mean' } }, tally).overall.index).toBe(50);
  });
});

describe('per-official figures', () => {
  it('are withheld with their reason: no index, no criteria, never a zero', () => {
    const four = tallyOf([{ off_polite: 1 }, { off_polite: 5 }, { off_polite: 5 }, { off_polite: 5 }]);
    const hidden = guardCard(scoreCard(sipas, four), 'few_responses');
    expect(hidden).toMatchObject({ withheld: true, withheldReason: 'few_responses', responses: 4, criteria: [], elements: [], overall: { index: null } });
    expect(guardCard(scoreCard(sipas, four), null).withheld).toBe(false);
  });

  it('exist only for a whole calendar month, quarter or year that has ended, without other filters', () => {
    const filter = (f: Partial<Parameters<typeof officialPeriod>[0]>) => ({ surveyId: 'sipas-2017', includeFlagged: false, includeUnverified: false, ...f });
    const today = '2026-04-15';
    expect(officialPeriod(filter({ from: '2026-03-01', to: '2026-03-31' }), today)).toMatchObject({ ok: true, period: { key: '2026-03' } });
    expect(officialPeriod(filter({ from: '2026-01-01', to: '2026-03-31' }), today)).toMatchObject({ ok: true, period: { key: '2026-Q1' } });
    expect(officialPeriod(filter({ from: '2025-01-01', to: '2025-12-31' }), today)).toMatchObject({ ok: true, period: { key: '2025' } });
    expect(officialPeriod(filter({ from: '2026-03-01', to: '2026-03-30' }), today)).toEqual({ ok: false, reason: 'not_whole_period' });
    expect(officialPeriod(filter({ from: '2026-02-01', to: '2026-03-31' }), today)).toEqual({ ok: false, reason: 'not_whole_period' });
    expect(officialPeriod(filter({}), today)).toEqual({ ok: false, reason: 'not_whole_period' });
    expect(officialPeriod(filter({ from: '2026-04-01', to: '2026-04-30' }), today)).toEqual({ ok: false, reason: 'period_not_ended' });
    expect(officialPeriod(filter({ from: '2026-03-01', to: '2026-03-31', procedure: 'DT-01' }), today)).toEqual({ ok: false, reason: 'filtered' });
    expect(officialPeriod(filter({ from: '2026-03-01', to: '2026-03-31', includeFlagged: true }), today)).toEqual({ ok: false, reason: 'filtered' });
  });
});

describe('scoring properties', () => {
  const rating = fc.constantFrom(0, 1, 2, 3, 4, 5);
  const criterionIds = sipas.elements.flatMap((e) => e.criteria.map((c) => c.id));
  const response = fc.dictionary(fc.constantFrom(...criterionIds), rating, { maxKeys: 22 });
  const figures = (card: ReturnType<typeof scoreCard>) => [card.overall, ...card.elements, ...card.criteria];

  it('keeps every index within [0, 100] and inside its own 95% interval', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 60 }), (responses) => {
        for (const f of figures(scoreCard(sipas, tallyOf(responses)))) {
          if (f.index === null) continue;
          expect(f.index).toBeGreaterThanOrEqual(0);
          expect(f.index).toBeLessThanOrEqual(100);
          expect(f.ci95![0]).toBeLessThanOrEqual(f.index + 1e-9);
          expect(f.ci95![1]).toBeGreaterThanOrEqual(f.index - 1e-9);
          expect(f.ci95![0]).toBeGreaterThanOrEqual(0);
          expect(f.ci95![1]).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('never lowers a criterion index when a satisfied answer is added, nor raises it for a dissatisfied one', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 40 }), fc.constantFrom(...criterionIds), fc.constantFrom(4, 5), fc.constantFrom(1, 2, 3), (responses, id, good, bad) => {
        const before = scoreCard(sipas, tallyOf(responses)).criteria.find((c) => c.id === id)!.index;
        const better = scoreCard(sipas, tallyOf([...responses, { [id]: good }])).criteria.find((c) => c.id === id)!.index!;
        const worse = scoreCard(sipas, tallyOf([...responses, { [id]: bad }])).criteria.find((c) => c.id === id)!.index!;
        if (before !== null) {
          expect(better).toBeGreaterThanOrEqual(before - 1e-9);
          expect(worse).toBeLessThanOrEqual(before + 1e-9);
        }
        expect(better).toBeGreaterThan(0);
        expect(worse).toBeLessThan(100);
      }),
    );
  });

  it('puts every element index between its lowest and highest criterion index', () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 40 }), (responses) => {
        const card = scoreCard(sipas, tallyOf(responses));
        for (const el of card.elements) {
          const indices = card.criteria.filter((c) => c.element === el.id && c.index !== null).map((c) => c.index!);
          if (!indices.length) continue;
          expect(el.index!).toBeGreaterThanOrEqual(Math.min(...indices) - 1e-9);
          expect(el.index!).toBeLessThanOrEqual(Math.max(...indices) + 1e-9);
        }
      }),
    );
  });

  it('ignores the order of responses', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 30 }), (responses) => {
        expect(scoreCard(sipas, tallyOf([...responses].reverse()))).toEqual(scoreCard(sipas, tallyOf(responses)));
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { DossierCounts } from '../../server/scoring/dossier-figures';
import { feedbackOnTime766, feedbackSatisfaction766, handlingSatisfaction766, points766, progress766 } from '../../server/scoring/decision-766';
import { judgeFeedback766, type Feedback766Item } from '../../server/scoring/feedback-766';

const dossiers = (d: Partial<DossierCounts>): DossierCounts => ({ dossiers: 0, withDue: 0, onTime: 0, late: 0, rated: 0, dissatisfied: 0, dissatisfiedNotLate: 0, ...d });
const none = new Set<string>();

describe('Decision 766: satisfaction with receiving and handling procedures (6 points)', () => {
  it('caps the points at 6 once the ratio reaches 90%', () => {
    // 100 dossiers, 3 late, 4 rated dissatisfied: ratio = 100% − 3% − 4% = 93%; 6 × 93/90 = 6.2 → 6.
    const i = handlingSatisfaction766(dossiers({ dossiers: 100, withDue: 100, onTime: 97, late: 3, rated: 40, dissatisfied: 4 }));
    expect(i.ratio).toBeCloseTo(93, 10);
    expect(i.points).toBe(6);
    expect(i.missing).toEqual([]);
  });

  it('scales below the cap and adds the two shares as the portal does', () => {
    // 50 dossiers, 5 late, 5 dissatisfied (2 of them also late): 100% − 10% − 10% = 80%; 6 × 80/90 = 5.333…
    const i = handlingSatisfaction766(dossiers({ dossiers: 50, withDue: 50, onTime: 45, late: 5, rated: 20, dissatisfied: 5, dissatisfiedNotLate: 3 }));
    expect(i.ratio).toBeCloseTo(80, 10);
    expect(i.points).toBeCloseTo(16 / 3, 10);
  });

  it('never goes below zero', () => {
    const i = handlingSatisfaction766(dossiers({ dossiers: 50, withDue: 50, onTime: 20, late: 30, rated: 50, dissatisfied: 30 }));
    expect([i.ratio, i.points]).toEqual([0, 0]);
  });

  it('gives no points, and says why, when the one-stop system reported no dossier', () => {
    expect(handlingSatisfaction766(dossiers({}))).toEqual({ id: 'handlingSatisfaction', max: 6, ratio: null, points: null, n: 0, missing: ['dossiers'] });
  });

  it('names the inputs that are only partly there: due dates and ratings', () => {
    const i = handlingSatisfaction766(dossiers({ dossiers: 10, withDue: 8, onTime: 8 }));
    expect(i.missing).toEqual(['dueDates', 'dossierRatings']);
    expect(i.points).toBe(6); // 100% − 0 − 0, as far as is known
  });
});

describe('Decision 766: progress of handling (20 points)', () => {
  it('is 20 × the on-time share of dossiers with a due date', () => {
    const i = progress766(dossiers({ dossiers: 50, withDue: 40, onTime: 38, late: 2 }));
    expect(i.ratio).toBeCloseTo(95, 10);
    expect(i.points).toBeCloseTo(19, 10);
    expect(i.n).toBe(40);
    expect(i.missing).toEqual(['dueDates']); // 10 dossiers came without one
  });

  it('cannot be computed without dossiers or without any due date', () => {
    expect(progress766(dossiers({})).missing).toEqual(['dossiers']);
    const noDue = progress766(dossiers({ dossiers: 5 }));
    expect([noDue.points, noDue.missing]).toEqual([null, ['dueDates']]);
  });
});

// Received on Monday 2 March 2026: the portal's 15 working days end on Monday 23 March.
const item = (i: Partial<Feedback766Item>): Feedback766Item => ({ receivedDate: '2026-03-02', answeredAt: null, publishedAt: null, rating: null, raisedAgain: false, ...i });
const at = (date: string) => `${date}T03:00:00.000Z`; // 10:00 in Vietnam
const A = item({ answeredAt: at('2026-03-10'), rating: 'satisfied' }); // on time, satisfied
const B = item({ answeredAt: at('2026-03-24') }); // answered a day late
const C = item({ answeredAt: at('2026-03-12'), publishedAt: at('2026-03-17'), rating: 'dissatisfied' }); // published after 2 working days (due 16 March); sender dissatisfied
const D = item({}); // open, still within the deadline on 20 March
const E = item({ answeredAt: at('2026-03-05'), raisedAgain: true }); // on time, but raised again
const F = item({ receivedDate: '2026-02-02' }); // open since 2 February: past its deadline (23 February)
const today = '2026-03-20';
/** The items as a report judges them, on `today`. */
const judged = (items: Feedback766Item[], holidays: ReadonlySet<string> = none) => judgeFeedback766(items, holidays, today);

describe('Decision 766: feedback indicators (6 points each)', () => {
  it('counts an item good unless rated dissatisfied, raised again or overdue', () => {
    // Good: A and D (pending is not overdue). 2 of 6 = 33.33%; 6 × 2/6 = 2 points.
    const i = feedbackSatisfaction766(judged([A, B, C, D, E, F]));
    expect(i.n).toBe(6);
    expect(i.ratio).toBeCloseTo(100 / 3, 10);
    expect(i.points).toBeCloseTo(2, 10);
    expect(i.missing).toEqual([]);
  });

  it('counts on time with the portal\'s deadlines, leaving out items still within them', () => {
    // Decided: A, B, C, E, F (D pending). On time: A and E (C was published late). 2/5 = 40% → 2.4.
    const i = feedbackOnTime766(judged([A, B, C, D, E, F]));
    expect([i.n, i.points]).toEqual([5, expect.closeTo(2.4, 10)]);
    expect(i.ratio).toBeCloseTo(40, 10);
  });

  it('skips holidays an admin listed when counting the 15 working days', () => {
    // With 9 March a holiday the deadline moves to 24 March: B is on time.
    expect(feedbackOnTime766(judged([B], new Set(['2026-03-09']))).points).toBe(6);
    expect(feedbackOnTime766(judged([B])).points).toBe(0);
  });

  it('gives 2 working days from the answer, not from receipt, to publish it, to the last minute of the day', () => {
    // Answered on Friday 13 March: published by Tuesday 17 March (23:59 in Vietnam) is on time.
    const answeredFriday = { answeredAt: at('2026-03-13') };
    const inTime = item({ ...answeredFriday, publishedAt: '2026-03-17T16:59:00.000Z' });
    const late = item({ ...answeredFriday, publishedAt: '2026-03-17T17:00:00.000Z' }); // 00:00 on Wednesday
    expect(judged([inTime, late]).map((j) => j.onTime)).toEqual([true, false]);
    expect(feedbackOnTime766(judged([inTime, late])).ratio).toBeCloseTo(50, 10);
  });

  it('gives full points when there are no items, and says when no sender rated the handling', () => {
    expect(feedbackSatisfaction766(judged([]))).toMatchObject({ points: 6, ratio: null, n: 0 });
    expect(feedbackOnTime766(judged([]))).toMatchObject({ points: 6, ratio: null, n: 0 });
    expect(feedbackOnTime766(judged([D]))).toMatchObject({ points: 6, n: 0 });
    expect(feedbackSatisfaction766(judged([B, E])).missing).toEqual(['feedbackRatings']);
  });

  it('adds up the points that could be computed, out of their maxima', () => {
    const p = points766({ dossiers: dossiers({}), feedback: judged([A, B, C, D, E, F]) });
    expect(p.indicators.map((i) => [i.id, i.points])).toEqual([
      ['handlingSatisfaction', null],
      ['feedbackSatisfaction', expect.closeTo(2, 10)],
      ['feedbackOnTime', expect.closeTo(2.4, 10)],
      ['progress', null],
    ]);
    expect(p.points).toBeCloseTo(4.4, 10);
    expect(p.max).toBe(12);
  });
});

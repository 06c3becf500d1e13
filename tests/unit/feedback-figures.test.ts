import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeFeedbackFigures, prepareFigureItem, type FigureItem } from '../../server/scoring/feedback-figures';
import { addDays, vietnamDate } from '../../server/scoring/vietnam-time';

// Received at 09:00 in Vietnam (02:00 UTC) unless said otherwise; due dates 10 working days on.
const A: FigureItem = { kind: 'complaint', receivedAt: '2026-03-02T02:00:00.000Z', dueDate: '2026-03-16', answeredAt: '2026-03-13T02:00:00.000Z' };
const B: FigureItem = { kind: 'report', receivedAt: '2026-03-02T02:00:00.000Z', dueDate: '2026-03-16', answeredAt: '2026-03-17T02:00:00.000Z' };
const C: FigureItem = { kind: 'suggestion', receivedAt: '2026-03-04T02:00:00.000Z', dueDate: '2026-03-18', answeredAt: '2026-03-05T02:00:00.000Z' };
const D: FigureItem = { kind: 'complaint', receivedAt: '2026-03-05T02:00:00.000Z', dueDate: '2026-03-19', answeredAt: null };
const E: FigureItem = { kind: 'report', receivedAt: '2026-03-24T02:00:00.000Z', dueDate: '2026-04-07', answeredAt: null };
const asOf = new Date('2026-03-25T03:00:00Z');

describe('feedback figures', () => {
  it('counts received, answered, on time, open, overdue and the median by hand', () => {
    expect(computeFeedbackFigures([A, B, C, D, E], asOf)).toEqual({
      received: 5,
      answered: 3, // A, B, C
      answeredOnTime: 2, // A (13 ≤ 16), C (5 ≤ 18)
      answeredLate: 1, // B (17 > 16)
      open: 2, // D, E
      overdue: 1, // D: due 19, today 25
      medianDaysToAnswer: 11, // of 11, 15 and 1 days
      // Complaints A, B, D, E; E is still within its deadline; of A, B, D only A was on time.
      complaintsOnTime: { complaints: 4, decided: 3, onTime: 1, pending: 1, percent: 33.3 },
    });
  });

  it('takes the mean of the two middle values for an even count, to one decimal', () => {
    const f = computeFeedbackFigures([A, B], asOf);
    expect(f.medianDaysToAnswer).toBe(13); // (11 + 15) / 2
    const quick = { ...C, answeredAt: '2026-03-04T14:00:00.000Z' }; // half a day
    expect(computeFeedbackFigures([quick, C], asOf).medianDaysToAnswer).toBe(0.8); // (0.5 + 1) / 2 = 0.75
  });

  it('judges on time by the Vietnam date of the answer, to the last minute of the due date', () => {
    const lastMinute = { ...D, answeredAt: '2026-03-19T16:59:00.000Z' }; // 23:59 on the 19th in Vietnam
    const nextMorning = { ...D, answeredAt: '2026-03-19T17:00:00.000Z' }; // 00:00 on the 20th
    expect(computeFeedbackFigures([lastMinute], asOf).answeredOnTime).toBe(1);
    expect(computeFeedbackFigures([nextMorning], asOf).answeredLate).toBe(1);
  });

  it('counts an open item overdue only from the day after its due date', () => {
    expect(computeFeedbackFigures([D], new Date('2026-03-19T16:59:00Z')).overdue).toBe(0);
    expect(computeFeedbackFigures([D], new Date('2026-03-19T17:00:00Z')).overdue).toBe(1);
  });

  it('leaves the rate empty rather than 0 or 100 when no complaint is decided', () => {
    expect(computeFeedbackFigures([], asOf)).toMatchObject({ received: 0, medianDaysToAnswer: null, complaintsOnTime: { percent: null, complaints: 0 } });
    expect(computeFeedbackFigures([C, E], asOf).complaintsOnTime).toEqual({ complaints: 1, decided: 0, onTime: 0, pending: 1, percent: null });
  });
});

describe('prepareFigureItem', () => {
  it('judges on time exactly as the Vietnam date of the answer would, for any instant and due date', () => {
    const instant = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T23:59:59Z') }).map((ms) => new Date(ms).toISOString());
    const due = fc.integer({ min: 0, max: 4000 }).map((d) => addDays('2020-01-01', d));
    fc.assert(
      fc.property(instant, due, (answeredAt, dueDate) => {
        const prepared = prepareFigureItem({ kind: 'complaint', receivedAt: '2019-12-31T00:00:00.000Z', dueDate, answeredAt });
        expect(prepared.answeredOnTime).toBe(vietnamDate(answeredAt) <= dueDate);
      }),
    );
    // Another spelling of the same instant takes the slow path and agrees.
    expect(prepareFigureItem({ kind: 'report', receivedAt: '2026-03-02T02:00:00Z', dueDate: '2026-03-16', answeredAt: '2026-03-16T23:30:00+07:00' }).answeredOnTime).toBe(true);
    expect(prepareFigureItem({ kind: 'report', receivedAt: '2026-03-02T02:00:00Z', dueDate: '2026-03-16', answeredAt: '2026-03-16T17:00:00.000Z' }).answeredOnTime).toBe(false);
  });
});

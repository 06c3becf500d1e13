// The figures read straight from storage, on each database: grouped as the items go by, the same
// figures in total, per period and per unit; an empty list of units is no item at all.
import { afterEach, describe, expect, it } from 'vitest';
import { feedbackFigures } from '../../server/repos/feedback-figures';
import type { NewFeedbackItemRow } from '../../server/db/tables/feedback-items';
import { createTestDatabase, dialects, type TestDatabase } from '../helpers/test-database';

const item = (id: string, unit: string, localDate: string, answeredAt: string | null, kind = 'complaint'): NewFeedbackItemRow => ({
  id, code_hash: id, content_hash: 'x', kind, channel: 'web', unit_code: unit, procedure_code: '', text: 'góp ý', contact_sealed: null, contact_kind: null,
  status: answeredAt ? 'answered' : 'received', received_at: `${localDate}T02:00:00.000Z`, local_date: localDate, due_date: '2026-03-16', answered_at: answeredAt, updated_at: `${localDate}T02:00:00.000Z`,
});

describe.each(dialects)('feedbackFigures on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => database?.destroy());

  it('counts each item in its period and unit, and nothing for no unit', async () => {
    database = await createTestDatabase(dialect);
    const db = database.handle.db;
    await db.insertInto('feedback_items').values([
      item('a', 'MC-Q1', '2026-02-27', '2026-03-16T16:59:00.000Z'), // 23:59 on the due date: on time
      item('b', 'MC-Q1', '2026-03-02', '2026-03-16T17:00:00.000Z'), // 00:00 the day after: late
      item('c', 'QLDT', '2026-03-04', null, 'suggestion'),
    ]).execute();
    const asOf = new Date('2026-03-25T03:00:00Z');
    const report = await feedbackFigures(db, { units: null, from: '2026-02-01', to: '2026-03-31', period: 'month', asOf });
    expect(report.total).toMatchObject({ received: 3, answered: 2, answeredOnTime: 1, answeredLate: 1, open: 1, overdue: 1, complaintsOnTime: { complaints: 2, decided: 2, onTime: 1 } });
    expect(report.periods.map((p) => [p.key, p.figures.received, p.figures.answeredOnTime])).toEqual([['2026-02', 1, 1], ['2026-03', 2, 0]]);
    // Days to answer: 17.62 (a) and 14.63 (b), so a median of 16.1.
    expect(report.units.map((u) => [u.unit, u.figures.received, u.figures.medianDaysToAnswer])).toEqual([['MC-Q1', 2, 16.1], ['QLDT', 1, null]]);
    const none = await feedbackFigures(db, { units: [], from: '2026-02-01', to: '2026-03-31', period: 'month', asOf });
    expect(none.total.received).toBe(0);
    expect(none.units).toEqual([]);
  });
});

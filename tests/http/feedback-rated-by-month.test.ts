// The feedback ratings by unit and month, counted by the database: Decision 766's feedback
// satisfaction is shown only where a month of a unit holds enough of them (scoring/dossier-lattice.ts).
import { afterEach, describe, expect, it } from 'vitest';
import type { NewFeedbackItemRow } from '../../server/db/tables/feedback-items';
import { feedbackRatedByMonth } from '../../server/repos/decision-766-inputs';
import { createTestDatabase, dialects, type TestDatabase } from '../helpers/test-database';

let n = 0;
const item = (unit: string, localDate: string, rating: 'satisfied' | 'dissatisfied' | null): NewFeedbackItemRow => ({
  id: `item-${++n}`, code_hash: `code-${n}`, content_hash: 'x', kind: 'complaint', channel: 'web', unit_code: unit, procedure_code: '', text: 'góp ý',
  contact_sealed: null, contact_kind: null, status: 'answered', received_at: `${localDate}T02:00:00.000Z`, local_date: localDate, due_date: '2026-12-31',
  answered_at: `${localDate}T09:00:00.000Z`, sender_rating: rating, updated_at: `${localDate}T09:00:00.000Z`,
});

describe.each(dialects)('feedbackRatedByMonth on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => database?.destroy());

  it('counts the rated items of each unit and month of receipt, within the dates', async () => {
    database = await createTestDatabase(dialect);
    await database.handle.db.insertInto('feedback_items').values([
      item('MC-Q1', '2025-12-31', 'satisfied'), // before the range
      item('MC-Q1', '2026-02-01', 'satisfied'),
      item('MC-Q1', '2026-02-28', 'dissatisfied'),
      item('MC-Q1', '2026-02-15', null), // not rated
      item('MC-Q1', '2026-03-01', 'satisfied'),
      item('MC-Q2', '2026-02-10', 'dissatisfied'),
      item('MC-Q2', '2026-02-11', 'satisfied'),
      item('MC-Q2', '2026-02-12', 'satisfied'),
      item('MC-Q2', '2027-01-01', 'satisfied'), // after it
    ]).execute();
    const rows = await feedbackRatedByMonth(database.handle.db, '2026-01-01', '2026-12-31');
    const sorted = [...rows].sort((a, b) => `${a.unit} ${a.month}`.localeCompare(`${b.unit} ${b.month}`));
    expect(sorted).toEqual([
      { unit: 'MC-Q1', month: '2026-02', rated: 2 },
      { unit: 'MC-Q1', month: '2026-03', rated: 1 },
      { unit: 'MC-Q2', month: '2026-02', rated: 3 },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeResponses, type PendingResponse } from '../../server/repos/responses';
import { readLookupGeneration, staleLookups } from '../../server/responses/lookups';
import { countedResponses } from '../helpers/answer-count-rows';
import { pendingKioskAnswer } from '../helpers/pending-response';
import { createTestDatabase, dialects, type TestDatabase } from '../helpers/test-database';

// storeResponses looks the ids up 500 to a statement: a batch of more must still find them all,
// and answers checked against an older snapshot of the lookups are sent back to be checked again.
const response = (i: number, lookupGeneration: number): PendingResponse => pendingKioskAnswer(i, { lookupGeneration });

describe.each(dialects)('a batch of 1,200 checked against the lookups on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.destroy());

  it('stores each once, knows every one when sent again, and refuses them all after the lookups moved', async () => {
    const db = database.handle.db;
    const generation = await readLookupGeneration(db);
    const batch = Array.from({ length: 1200 }, (_, i) => response(i, generation));
    const store = (b: PendingResponse[]) => db.transaction().execute((trx) => storeResponses(trx, b));
    expect(new Set((await store(batch)).map((o) => o.status))).toEqual(new Set(['created']));
    // Sent again, the last ids too (beyond the first statement's 500): replays, nothing counted twice.
    expect(new Set((await store(batch)).map((o) => o.status))).toEqual(new Set(['replayed']));
    // Content changed under a known id: a conflict, wherever it sits in the batch.
    const changed = batch.map((r, i) => (i === 0 || i === 1199 ? { ...r, contentHash: 'other' } : r));
    const outcomes = await store(changed);
    expect([outcomes[0]!.status, outcomes[1199]!.status, outcomes[600]!.status]).toEqual(['conflict', 'conflict', 'replayed']);
    // New ids checked against an older snapshot of the lookups: refused, to be checked again.
    const stale = Array.from({ length: 3 }, (_, i) => response(5000 + i, generation - 1));
    expect(await store(stale)).toEqual(Array(3).fill({ status: 'refused', refusal: staleLookups }));
    expect(await countedResponses(db)).toBe(1200);
  });
});

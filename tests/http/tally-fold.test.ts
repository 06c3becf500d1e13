// The tallies are kept by folding a queue (server/tallies/): an acknowledged answer is in the
// very next read, whatever the background fold has done; folds that run at once, on one server
// or several, add each answer exactly once; and a fold that fails changes nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Migrator, sql, type Kysely } from 'kysely';
import { migrateToLatest } from '../../server/db/migrate';
import { migrations } from '../../server/db/migrations/index';
import * as queueInOrder from '../../server/db/migrations/2026-12-03-02-tally-queue-in-order';
import { openDatabase } from '../../server/db/open-database';
import { countableAnswers, type Answers } from '../../survey-defs/check-answers';
import type { Database } from '../../server/db/database';
import { addAnswerCounts, countIncrements, negated, parseCounts, tallyTableRows, TALLY_TABLES, type CountedResponse } from '../../server/repos/answer-counts';
import { readTallies } from '../../server/repos/score-counts';
import { isVerified, type Proof } from '../../server/responses/proof';
import { foldAhead, foldMerged } from '../../server/tallies/fold-ahead';
import { counted, FOLD_CHUNK_SIZE, foldOnce, foldTallies, readQueueHead } from '../../server/tallies/fold-tallies';
import { TallyFolder } from '../../server/tallies/tally-folder';
import { FoldWorker } from '../../server/tallies/fold-worker';
import { WriteTurns } from '../../server/db/write-turns';
import { ResponseWriter } from '../../server/responses/response-writer';
import { storeResponses } from '../helpers/store-responses';
import { randomUUID } from 'node:crypto';
import { prepareResponse } from '../../server/responses/prepare-response';
import { PROOFS } from '../../server/responses/proof';
import type { ResponseBody } from '../../server/responses/response-body';
import { storeResponses as storeBatch, type PendingResponse } from '../../server/repos/responses';
import { createAppOn, createTestApp, type TestApp } from '../helpers/test-app';
import { dialects, dropConfig, freshConfig } from '../helpers/test-database';

const NOW = new Date('2026-06-15T03:00:00Z');

/** n answers of counter-quick spread over two officials and two days. */
function answers(n: number, offset = 0) {
  return Array.from({ length: n }, (_, i) => ({
    surveyId: 'counter-quick',
    unit: 'MC-Q1',
    official: ['', 'CB-01'][(i + offset) % 2],
    submittedAt: new Date(NOW.getTime() - (Math.floor((i + offset) / 2) % 2) * 86_400_000 - 60_000).toISOString(),
    answers: { overall: ((i + offset) % 3) + 1 },
  }));
}

const queueLength = async (db: Kysely<Database>) => Number((await db.selectFrom('tally_queue').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** Every tally row of both tables as `table|key → responses and counts`, rows that hold nothing left out. */
async function storedTallies(db: Kysely<Database>): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const table of TALLY_TABLES) {
    for (const r of await db.selectFrom(table).selectAll().execute()) {
      const counts = parseCounts(r.counts);
      if (Number(r.responses) === 0 && !Object.keys(counts).length) continue;
      out.set([table, r.cut, r.local_date, r.unit_code, r.procedure_code, r.official_code, r.channel, Number(r.flagged)].join('|'), { responses: Number(r.responses), counts });
    }
  }
  return out;
}

/** What the tallies must hold: every stored response counted once, from the rows themselves. */
async function expectedTallies(t: TestApp, leftOut: ReadonlySet<string> = new Set()): Promise<Map<string, unknown>> {
  const rows = (await t.database.handle.db.selectFrom('responses').selectAll().execute()).filter((r) => !leftOut.has(r.id));
  const counted: CountedResponse[] = rows.map((r) => ({
    surveyId: r.survey_id, localDate: r.local_date, unitCode: r.unit_code, procedureCode: r.procedure_code, officialCode: r.official_code,
    channel: r.channel, flagged: Number(r.flagged) === 1, verified: isVerified(r.proof as Proof),
    countedAnswers: countableAnswers(t.database.surveys.get(r.survey_id, Number(r.survey_version))!, JSON.parse(r.answers) as Answers),
  }));
  const out = new Map<string, unknown>();
  for (const [table, tallyRows] of tallyTableRows(countIncrements(counted))) {
    for (const r of tallyRows) out.set([table, r.cut, r.local_date, r.unit_code, r.procedure_code, r.official_code, r.channel, r.flagged].join('|'), { responses: r.responses, counts: parseCounts(r.counts) });
  }
  return out;
}

/** A queued row no fold can read (only a hand in the database could write one): a fold holding it fails. */
const queueUnreadable = (db: Kysely<Database>) =>
  db.insertInto('tally_queue').values({ response_id: 'zzzz-unreadable', survey_id: 'counter-quick', local_date: '2026-06-15', unit_code: '', procedure_code: '', official_code: '', channel: 'kiosk', flagged: 0, answers: '{not json' }).execute();

/**
 * Queues 20 answers and an unreadable row, lets the folder's background fold fail on it (its
 * error logged, nothing folded), takes the row away, and waits for the folder's own retry to fold
 * everything once. Answers what the folder logged.
 */
async function failThenRetry(t: TestApp, folder: TallyFolder, offset: number): Promise<unknown[]> {
  const db = t.database.handle.db;
  await storeResponses(t, answers(20, offset));
  await queueUnreadable(db);
  const failed = new Promise<unknown[]>((resolve) => {
    vi.spyOn(console, 'error').mockImplementationOnce((...args: unknown[]) => resolve(args));
  });
  try {
    folder.queued();
    const logged = await failed;
    expect(await queueLength(db)).toBe(21);
    await db.deleteFrom('tally_queue').where('response_id', '=', 'zzzz-unreadable').execute();
    // The retry, with no new answer to prompt it.
    await folder.settled();
    expect(await queueLength(db)).toBe(0);
    expect(await storedTallies(db)).toEqual(await expectedTallies(t));
    return logged;
  } finally {
    vi.restoreAllMocks();
  }
}

describe.each(dialects)('folding the tally queue on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: NOW });
  });
  afterAll(async () => t?.close());

  it('counts an acknowledged answer in the very next read, before any background fold', async () => {
    const db = t.database.handle.db;
    await storeResponses(t, answers(7));
    // Stored and acknowledged, queued, not yet in the tallies themselves.
    expect(await queueLength(db)).toBe(7);
    expect((await storedTallies(db)).size).toBe(0);
    const read = await readTallies(db, { surveyId: 'counter-quick', units: null, includeFlagged: false, includeUnverified: false });
    const whole = read.groups.get('')!;
    expect(whole.responses).toBe(7);
    // overall = 1, 2, 3, 1, 2, 3, 1
    expect([1, 2, 3].map((v) => whole.answers.get('overall')?.get(String(v)) ?? 0)).toEqual([3, 2, 2]);
    expect(await queueLength(db)).toBe(0);
    expect(await storedTallies(db)).toEqual(await expectedTallies(t));
  });

  it('adds each queued answer exactly once when folds run at the same time, on one server and on another', async () => {
    // SQLite: one server's folds share its one writing connection (a second server is a second
    // process, which waits for the file's write lock). PostgreSQL: a second server's pool too.
    const other = dialect === 'postgres' ? await createAppOn(t.database.config, { now: NOW }) : t;
    try {
      // More than one fold transaction's worth, so the folds overlap on several.
      await storeResponses(t, answers(1_100, 1));
      expect(await queueLength(t.database.handle.db)).toBe(1_100);
      const folded = await Promise.all([foldTallies(t.database.handle.db), foldTallies(other.database.handle.db), foldTallies(t.database.handle.db)]);
      expect(folded.reduce((a, b) => a + b, 0)).toBe(1_100);
      expect(await queueLength(t.database.handle.db)).toBe(0);
      expect(await storedTallies(t.database.handle.db)).toEqual(await expectedTallies(t));
    } finally {
      if (other !== t) await other.close();
    }
  });

  it('queues, in the batch that stores them, exactly the answers it stored, each with its own flags', async () => {
    // An app of its own: the raced row below is one no other test expects.
    const app = await createTestApp(dialect, { now: NOW });
    try {
      const db = app.database.handle.db;
      const prepare = async (input: { id: string; channel: 'kiosk' | 'web'; overall: number }) => {
        const proof = input.channel === 'web' ? PROOFS.open : PROOFS.device;
        const body = { id: input.id, surveyId: 'counter-quick', unit: 'MC-Q1', channel: input.channel, submittedAt: new Date(NOW.getTime() - 60_000).toISOString(), answers: { overall: input.overall } } as ResponseBody;
        const prepared = await prepareResponse({ db, surveys: app.database.surveys, now: NOW, proof }, body);
        if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
        return prepared.response;
      };
      const [storedBefore] = await storeResponses(app, [{ surveyId: 'counter-quick', unit: 'MC-Q1', submittedAt: new Date(NOW.getTime() - 60_000).toISOString(), answers: { overall: 1 } }]);
      await foldTallies(db);
      const before = await storedTallies(db);
      const unverified = randomUUID();
      const repeatedTap = randomUUID();
      const refusedId = randomUUID();
      const flagging = { ...(await prepare({ id: repeatedTap, channel: 'kiosk', overall: 3 })), guard: async (_trx: unknown, r: PendingResponse) => void (r.flagged = true) };
      const refused = { ...(await prepare({ id: refusedId, channel: 'kiosk', overall: 2 })), guard: async () => ({ code: 'no', message: 'refused' }) };
      // Stored by another server between this batch's look at its ids and its insert: a replay, not queued again.
      const racedId = randomUUID();
      const raced = {
        ...(await prepare({ id: racedId, channel: 'kiosk', overall: 1 })),
        guard: async (trx: Kysely<Database>, r: PendingResponse) => {
          await trx.insertInto('responses').values({
            id: r.id, survey_id: r.surveyId, survey_version: r.surveyVersion, unit_code: r.unitCode, procedure_code: r.procedureCode, official_code: r.officialCode, channel: r.channel,
            submitted_at: r.submittedAt, local_date: r.localDate, received_at: r.receivedAt, answers: JSON.stringify(r.answers), content_hash: r.contentHash, device_id: r.deviceId, flagged: 0, proof: r.proof,
          }).execute();
        },
      };
      const batch = [
        await prepare({ id: unverified, channel: 'web', overall: 2 }),
        flagging,
        await prepare({ id: unverified, channel: 'web', overall: 2 }), // sent again within the batch
        await prepare({ id: storedBefore!, channel: 'kiosk', overall: 2 }), // the same id with other answers
        refused,
        raced,
      ];
      const outcomes = await db.transaction().execute((trx) => storeBatch(trx, batch));
      expect(outcomes.map((o) => o.status)).toEqual(['created', 'created', 'replayed', 'conflict', 'refused', 'replayed']);

      const queued = await readQueueHead(db);
      expect(queued.map((row) => row.response_id).sort()).toEqual([unverified, repeatedTap].sort());
      const byId = new Map(queued.map((row) => [row.response_id, counted(row)]));
      expect(byId.get(unverified)).toEqual({ surveyId: 'counter-quick', localDate: '2026-06-15', unitCode: 'MC-Q1', procedureCode: '', officialCode: '', channel: 'web', flagged: false, verified: false, countedAnswers: { overall: 2 } });
      expect(byId.get(repeatedTap)).toEqual({ surveyId: 'counter-quick', localDate: '2026-06-15', unitCode: 'MC-Q1', procedureCode: '', officialCode: '', channel: 'kiosk', flagged: true, verified: true, countedAnswers: { overall: 3 } });
      expect(await foldTallies(db)).toBe(2);
      const after = await storedTallies(db);
      // The raced row's own server would have queued it; this one did not.
      expect(after).toEqual(await expectedTallies(app, new Set([racedId])));
      expect(after).not.toEqual(before);
    } finally {
      await app.close();
    }
  });

  it('folds in the background a moment after answers are stored, and waits for nothing when there are none', async () => {
    const db = t.database.handle.db;
    const folder = new TallyFolder(db, 1);
    await folder.settled();
    await storeResponses(t, answers(30, 2));
    expect(await queueLength(db)).toBe(30);
    folder.queued();
    await folder.settled();
    expect(await queueLength(db)).toBe(0);
    expect(await storedTallies(db)).toEqual(await expectedTallies(t));
    await folder.close();
  });

  it('tries a failed background fold again, and folds everything once the queue can be read', async () => {
    const folder = new TallyFolder(t.database.handle.db, 1, 1);
    try {
      await failThenRetry(t, folder, 4);
    } finally {
      await folder.close();
    }
  });

  it('folds on a thread of its own while the writer stores answers (on SQLite taking turns at the write lock), each answer once', async () => {
    const db = t.database.handle.db;
    const thread = new FoldWorker({ database: t.database.config, entry: new URL('../../server/tallies/fold-thread.ts', import.meta.url) });
    const turns = dialect === 'sqlite' ? new WriteTurns() : undefined;
    // As the server runs it (server/main.ts): on SQLite each chunk is read and merged ahead of its turn.
    const folder = new TallyFolder(db, 1, 1, { foldOnce: () => thread.foldOnce(), turns, ...(turns ? { ahead: () => thread.foldAhead() } : {}) });
    const writer = new ResponseWriter(db, { batchWindowMs: 1, maxBatch: 50, onStored: () => folder.queued(), turns });
    try {
      // Batches of 50 stored while the thread folds those before: more than two chunks.
      await storeResponses(t, answers(2 * FOLD_CHUNK_SIZE + 300, 5), writer);
      await writer.close();
      await folder.settled();
      expect(await queueLength(db)).toBe(0);
      expect(await storedTallies(db)).toEqual(await expectedTallies(t));

      // A fold the thread cannot finish changes nothing, and the folder tries again.
      expect(String((await failThenRetry(t, folder, 6))[1])).toMatch(/the fold thread: .*JSON/);
    } finally {
      await folder.close();
      await thread.close();
    }
  });

  it('leaves the tallies and the queue as they were when a fold fails', async () => {
    const db = t.database.handle.db;
    await storeResponses(t, answers(FOLD_CHUNK_SIZE + 100, 3));
    // The unreadable row stops the fold midway.
    await queueUnreadable(db);
    await expect(foldTallies(db)).rejects.toThrow();
    // The first chunk (in the order queued) was folded and committed; the transaction holding the bad row changed nothing.
    const stillQueued = new Set((await db.selectFrom('tally_queue').select('response_id').execute()).map((r) => r.response_id));
    expect(stillQueued.size).toBe(101);
    expect(await storedTallies(db)).toEqual(await expectedTallies(t, stillQueued));
    await db.deleteFrom('tally_queue').where('response_id', '=', 'zzzz-unreadable').execute();
    expect(await foldTallies(db)).toBe(100);
    expect(await storedTallies(db)).toEqual(await expectedTallies(t));
  });

  it('keeps the answers queued before the queue was put in order, in their turn, and folds them once', async () => {
    const config = await freshConfig(dialect);
    const handle = openDatabase(config);
    try {
      const db = handle.db;
      const name = '2026-12-03-02-tally-queue-in-order';
      const before = Object.fromEntries(Object.entries(migrations).filter(([n]) => n !== name));
      const schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s : undefined;
      expect((await new Migrator({ db, provider: { getMigrations: async () => before }, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest()).error).toBeUndefined();
      // Three answers queued under the old table, clustered by response id.
      const queued = (id: string, overall: number) => ({ response_id: id, survey_id: 'counter-quick', local_date: '2026-06-15', unit_code: 'MC-Q1', procedure_code: '', official_code: '', channel: 'kiosk', flagged: 0, answers: JSON.stringify({ overall }) });
      await (db as unknown as Kysely<any>).insertInto('tally_queue').values([queued('b-id', 2), queued('c-id', 3), queued('a-id', 1)]).execute();
      expect(await migrateToLatest(db, dialect)).toEqual([name]);
      const inTurn = async () => (await db.selectFrom('tally_queue').select(['seq', 'response_id']).orderBy('seq').execute()).map((r) => r.response_id);
      expect(await inTurn()).toEqual(['a-id', 'b-id', 'c-id']);
      // An answer queued after the move takes its turn after them.
      await db.insertInto('tally_queue').values(queued('0-id', 3)).execute();
      expect(await inTurn()).toEqual(['a-id', 'b-id', 'c-id', '0-id']);
      // Back to the old table and forward again, nothing lost.
      const any = db as unknown as Kysely<any>;
      await queueInOrder.down(any);
      expect((await any.selectFrom('tally_queue').select('response_id').orderBy('response_id').execute()).map((r) => r.response_id)).toEqual(['0-id', 'a-id', 'b-id', 'c-id']);
      await queueInOrder.up(any);
      expect(await foldTallies(db)).toBe(4);
      const org = await db.selectFrom('answer_tallies').selectAll().where('cut', '=', 'org').where('local_date', '=', '2026-06-15').executeTakeFirstOrThrow();
      expect([Number(org.responses), parseCounts(org.counts)]).toEqual([4, { 'overall:1': 1, 'overall:2': 1, 'overall:3': 2 }]);
      expect(await queueLength(db)).toBe(0);
    } finally {
      await handle.close();
      await dropConfig(config);
    }
  });
});

describe('a read that folds on the server’s SQLite connection', () => {
  it('takes its turn at the write lock after the fold thread’s and the writer’s, and so never waits inside SQLite', async () => {
    const t = await createTestApp('sqlite', { now: NOW });
    try {
      const db = t.database.handle.db;
      await storeResponses(t, answers(40));
      const turns = new WriteTurns().share(db);
      // The fold thread (or the writer) has the lock for now.
      let release!: () => void;
      const held = turns.take(() => new Promise<void>((resolve) => (release = resolve)));
      // A scores read folds first; it asks before the turn-free fold below, whose queries the
      // one connection would otherwise run after the read's (they are served in the order asked).
      const read = readTallies(db, { surveyId: 'counter-quick', units: null, includeFlagged: false, includeUnverified: false });
      expect(await foldTallies(db, () => foldOnce(db))).toBe(40);
      release();
      await held;
      // The read waited its turn: nothing was left for it to fold, and it reads every answer.
      expect((await read).groups.get('')!.responses).toBe(40);
      expect(await queueLength(db)).toBe(0);
      expect(await storedTallies(db)).toEqual(await expectedTallies(t));
    } finally {
      await t.close();
    }
  });
});

describe('SQLite’s fold merged ahead of its turn (server/tallies/fold-ahead.ts)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { now: NOW });
  });
  afterAll(async () => t?.close());

  /** Reads and merges a chunk, then writes it: answers what foldMerged answered. */
  async function aheadThenMerged(db: Kysely<Database>, between: () => Promise<unknown> = async () => {}): Promise<number | undefined> {
    const ahead = await foldAhead(db);
    await between();
    return ahead && foldMerged(db, ahead);
  }

  it('adds chunk after chunk exactly as the one-step fold does', async () => {
    const db = t.database.handle.db;
    await storeResponses(t, answers(2 * FOLD_CHUNK_SIZE + 100, 7));
    expect(await aheadThenMerged(db)).toBe(FOLD_CHUNK_SIZE);
    expect(await aheadThenMerged(db)).toBe(FOLD_CHUNK_SIZE);
    expect(await aheadThenMerged(db)).toBe(100);
    expect(await foldAhead(db)).toBeUndefined();
    expect(await queueLength(db)).toBe(0);
    expect(await storedTallies(db)).toEqual(await expectedTallies(t));
  });

  it('writes nothing when another fold took the chunk first, and each answer is added once', async () => {
    const db = t.database.handle.db;
    await storeResponses(t, answers(30, 8));
    expect(await aheadThenMerged(db, () => foldOnce(db))).toBeUndefined();
    expect(await queueLength(db)).toBe(0);
    expect(await storedTallies(db)).toEqual(await expectedTallies(t));
  });

  it('takes no other answers queued under the same numbers once the queue had emptied', async () => {
    const db = t.database.handle.db;
    await storeResponses(t, answers(30, 9));
    // Another fold empties the queue, and 30 new answers are queued: SQLite numbers them from the
    // largest left, so they carry the numbers the chunk merged ahead had.
    const ahead = (await foldAhead(db))!;
    await foldOnce(db);
    await storeResponses(t, answers(30, 10));
    const renumbered = await db.selectFrom('tally_queue').select('seq').orderBy('seq').execute();
    expect(renumbered.map((r) => r.seq)).toEqual(ahead.queued.map((q) => q.seq));
    expect(await foldMerged(db, ahead)).toBeUndefined();
    expect(await queueLength(db)).toBe(30);
    expect(await foldOnce(db)).toBe(30);
    expect(await storedTallies(db)).toEqual(await expectedTallies(t));
  });

  it('merges again a row that changed between the two steps', async () => {
    const db = t.database.handle.db;
    await storeResponses(t, answers(20, 11));
    // Counts moved into the chunk's rows meanwhile (as classify-legacy.ts moves them), then taken out again.
    const moved = countIncrements([counted((await readQueueHead(db))[0]!)]);
    expect(await aheadThenMerged(db, () => db.transaction().execute((trx) => addAnswerCounts(trx, moved)))).toBe(20);
    await db.transaction().execute((trx) => addAnswerCounts(trx, negated(moved)));
    expect(await storedTallies(db)).toEqual(await expectedTallies(t));
  });
});

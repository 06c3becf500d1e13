import type { Kysely } from 'kysely';
import type { Answers } from '../../survey-defs/check-answers';
import type { Database } from '../db/database';
import type { NewResponseRow } from '../db/tables/responses';
import type { Proof } from '../responses/proof';
import type { FreeTexts } from '../themes/free-texts';
import { staleLookups } from '../responses/lookups';
import { storeResponseTexts } from './theme-texts';
import type { CountedResponse } from './answer-counts';
import { QUEUE_SHARED_COLUMNS, queueInsertedSql, queuedCounts, queueTallies } from '../tallies/fold-tallies';
import { everyColumn, executeInSlices, isPostgres, placeholders, valuesList } from '../db/row-slices';
import { PLAN_EACH_TIME } from '../db/prepared-statements';

export interface Refusal {
  code: string;
  message: string;
  /** For a limit: when to try again. */
  retryAfterSeconds?: number;
}

/** A checked response, ready to be written. */
export interface PendingResponse extends CountedResponse {
  id: string;
  surveyVersion: number;
  submittedAt: string;
  receivedAt: string;
  answers: Answers;
  contentHash: string;
  deviceId: string;
  proof: Proof;
  /** Its suggestion texts, tagged with themes as they are stored (prepareResponse sets it). */
  freeTexts?: FreeTexts;
  /**
   * Runs inside the storing transaction before the insert. It may refuse the response (an
   * invitation already used) or set `flagged`; whatever it writes commits with the response.
   */
  guard?: (trx: Kysely<Database>, response: PendingResponse) => Promise<Refusal | void>;
  /** A guard that checks every response of the batch carrying it at once (see BatchGuard). */
  batchGuard?: BatchGuard;
  /**
   * The lookup generation of the in-memory snapshot the response was checked against (see
   * responses/lookups.ts); a response checked against an older one is refused as stale.
   */
  lookupGeneration?: number;
  /** Runs inside the storing transaction once the response is known to be new. */
  afterInsert?: (trx: Kysely<Database>, response: PendingResponse) => Promise<void>;
}

/**
 * Like `guard`, but run once for all the responses of a batch that carry the same one, in batch
 * order, so that it can note them all with one statement (e.g. the kiosk devices' last
 * submission) instead of one each. Answers a refusal or undefined for each response.
 */
export interface BatchGuard {
  check(trx: Kysely<Database>, responses: readonly PendingResponse[]): Promise<(Refusal | undefined)[]>;
}

export type StoreOutcome =
  | { status: 'created' }
  | { status: 'replayed' }
  | { status: 'conflict' }
  | { status: 'refused'; refusal: Refusal };

/**
 * Stores a batch of responses inside the caller's transaction, idempotently: an id seen before
 * with the same content is a replay, with other content a conflict. What each adds to the
 * aggregate counts is queued in the same transaction (tallies/fold-tallies.ts), so the counts,
 * folded before every read, can never disagree with the responses.
 */
export async function storeResponses(trx: Kysely<Database>, batch: readonly PendingResponse[]): Promise<StoreOutcome[]> {
  const { known, generation } = await storedHashesAndGeneration(trx, batch.map((r) => r.id));
  const outcomes: StoreOutcome[] = new Array(batch.length);
  const fresh: { index: number; response: PendingResponse }[] = [];

  // A response sent again while its first copy is in the same batch waits for a later round, so
  // that it is judged against what the first copy's guards decided.
  for (let pending = [...batch.keys()]; pending.length; ) {
    const round: number[] = [];
    const later: number[] = [];
    const inRound = new Set<string>();
    for (const index of pending) {
      const response = batch[index]!;
      const hash = known.get(response.id);
      if (hash !== undefined) outcomes[index] = hash === response.contentHash ? { status: 'replayed' } : { status: 'conflict' };
      // Before the guard, which writes: the response is checked again and comes back.
      else if (response.lookupGeneration !== undefined && response.lookupGeneration !== generation) outcomes[index] = { status: 'refused', refusal: staleLookups };
      else if (inRound.has(response.id)) later.push(index);
      else {
        inRound.add(response.id);
        round.push(index);
      }
    }
    const refusals = await runGuards(trx, round.map((index) => batch[index]!));
    for (const [k, index] of round.entries()) {
      const response = batch[index]!;
      const refusal = refusals[k];
      if (refusal) {
        // Another server may have stored this very response a moment ago; then it is a replay.
        const now = await storedHash(trx, response.id);
        outcomes[index] = now === undefined ? { status: 'refused', refusal } : now === response.contentHash ? { status: 'replayed' } : { status: 'conflict' };
        continue;
      }
      known.set(response.id, response.contentHash);
      outcomes[index] = { status: 'created' };
      fresh.push({ index, response });
    }
    pending = later;
  }

  const inserted = await insertAndQueue(trx, fresh.map((f) => f.response));
  const stored: PendingResponse[] = [];
  for (const { index, response } of fresh) {
    if (inserted.has(response.id)) {
      stored.push(response);
      continue;
    }
    // Lost a race with another server inserting the same id: answer as for a resend.
    const now = await storedHash(trx, response.id);
    outcomes[index] = now === response.contentHash ? { status: 'replayed' } : { status: 'conflict' };
  }
  for (const response of stored) await response.afterInsert?.(trx, response);
  await storeResponseTexts(trx, stored);
  return outcomes;
}

/** Each response's guard, in batch order, and each batch guard once for the responses carrying it. */
async function runGuards(trx: Kysely<Database>, responses: readonly PendingResponse[]): Promise<(Refusal | undefined)[]> {
  const refusals: (Refusal | undefined)[] = [];
  const grouped = new Map<BatchGuard, number[]>();
  for (const [index, response] of responses.entries()) {
    refusals.push((await response.guard?.(trx, response)) ?? undefined);
    if (!response.batchGuard || refusals[index]) continue;
    const group = grouped.get(response.batchGuard);
    if (group) group.push(index);
    else grouped.set(response.batchGuard, [index]);
  }
  for (const [guard, indexes] of grouped) {
    const checked = await guard.check(trx, indexes.map((i) => responses[i]!));
    indexes.forEach((i, k) => (refusals[i] ??= checked[k]));
  }
  return refusals;
}

/**
 * The content hashes of the ids already stored, and the lookup generation (responses/lookups.ts),
 * read in one statement: on PostgreSQL each statement of a batch is a round trip. Like the insert,
 * as SQL text in slices (db/row-slices.ts, a few fixed sizes on SQLite): built with Kysely, each
 * batch's own size made a statement of its own, compiled and prepared afresh. PostgreSQL plans
 * it each time (PLAN_EACH_TIME): a plan kept from when the table was nearly empty reads it whole.
 */
async function storedHashesAndGeneration(trx: Kysely<Database>, ids: string[]): Promise<{ known: Map<string, string>; generation: number }> {
  const unique = [...new Set(ids)].map((id) => ({ id }));
  const rows = await executeInSlices<{ id: string }, { id: string | null; content_hash: string | null; generation: number | string | null }>(trx, 'responses by id, and the generation', unique, ['id'], (size, postgres) =>
    `${PLAN_EACH_TIME}select id, content_hash, null as generation from responses where id in (${placeholders(size, postgres)}) union all select null, null, n from lookup_generation where id = 1`);
  const known = new Map<string, string>();
  // No row for the generation reads as 0, as readLookupGeneration does.
  let generation = 0;
  for (const row of rows) {
    if (row.id === null) generation = Number(row.generation);
    else known.set(row.id, row.content_hash!);
  }
  return { known, generation };
}

/** The content hash of one id if it is stored (a refused or lost response, checked again). */
async function storedHash(trx: Kysely<Database>, id: string): Promise<string | undefined> {
  return (await storedHashesAndGeneration(trx, [id])).known.get(id);
}

const RESPONSE_COLUMNS = everyColumn<NewResponseRow>()([
  'id', 'survey_id', 'survey_version', 'unit_code', 'procedure_code', 'official_code', 'channel', 'submitted_at', 'local_date', 'received_at', 'answers', 'content_hash', 'device_id', 'flagged', 'proof',
]);

/**
 * Inserts the responses whose id is not stored yet and queues what each adds to the tallies
 * (tallies/fold-tallies.ts); answers the ids it inserted. On PostgreSQL one statement does both,
 * a round trip fewer a batch.
 */
async function insertAndQueue(trx: Kysely<Database>, unordered: PendingResponse[]): Promise<Set<string>> {
  // In id order, so two servers inserting the same ids lock them in the same order (no deadlock).
  const responses = [...unordered].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (isPostgres(trx)) {
    const rows = responses.map((r) => ({ ...toRow(r), ...queuedCounts(r) }));
    const inserted = await executeInSlices<(typeof rows)[number], { id: string }>(trx, 'responses and their tallies', rows, INSERT_AND_QUEUE_COLUMNS, (size) => insertAndQueueSql(size));
    return new Set(inserted.map((row) => row.id));
  }
  const inserted = await executeInSlices<NewResponseRow, { id: string }>(trx, 'responses', responses.map(toRow), RESPONSE_COLUMNS, (size, postgres) =>
    `insert into responses (${RESPONSE_COLUMNS.join(', ')}) values ${valuesList(RESPONSE_COLUMNS.length, size, postgres)} on conflict (id) do nothing returning id`);
  const ids = new Set(inserted.map((row) => row.id));
  await queueTallies(trx, responses.filter((r) => ids.has(r.id)));
  return ids;
}

/** Each row's values for insertAndQueueSql: its response's columns, then its tallies' (id, flagged, answers). */
const INSERT_AND_QUEUE_COLUMNS = [...RESPONSE_COLUMNS, 'id', 'tally_flagged', 'tally_answers'] as const;

/** PostgreSQL: `rows` responses inserted, and the tallies of those inserted queued, in one statement. */
function insertAndQueueSql(rows: number): string {
  const width = INSERT_AND_QUEUE_COLUMNS.length;
  const tuple = (first: number, count: number) => `(${Array.from({ length: count }, (_, k) => `$${first + k}`).join(', ')})`;
  const responses = Array.from({ length: rows }, (_, i) => tuple(i * width + 1, RESPONSE_COLUMNS.length)).join(', ');
  const tallies = Array.from({ length: rows }, (_, i) => tuple(i * width + RESPONSE_COLUMNS.length + 1, 3)).join(', ');
  return `with inserted as (insert into responses (${RESPONSE_COLUMNS.join(', ')}) values ${responses} on conflict (id) do nothing returning id, ${QUEUE_SHARED_COLUMNS.join(', ')}), queued as (${queueInsertedSql(tallies)}) select id from inserted`;
}

function toRow(r: PendingResponse): NewResponseRow {
  return {
    id: r.id,
    survey_id: r.surveyId,
    survey_version: r.surveyVersion,
    unit_code: r.unitCode,
    procedure_code: r.procedureCode,
    official_code: r.officialCode,
    channel: r.channel,
    submitted_at: r.submittedAt,
    local_date: r.localDate,
    received_at: r.receivedAt,
    answers: JSON.stringify(r.answers),
    content_hash: r.contentHash,
    device_id: r.deviceId,
    flagged: r.flagged ? 1 : 0,
    proof: r.proof,
  };
}

export async function countResponses(db: Kysely<Database>, surveyId?: string): Promise<number> {
  let q = db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n'));
  if (surveyId) q = q.where('survey_id', '=', surveyId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function findResponse(db: Kysely<Database>, id: string) {
  return db.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirst();
}

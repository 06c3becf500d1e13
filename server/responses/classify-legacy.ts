// Responses stored before every channel needed its proof are classified once, at start: a kiosk
// answer without a device, a QR answer no invitation can account for, and any open-link answer
// become unverified, and their aggregate counts move to the unverified key in the same
// transaction. Nothing is deleted. Safe on several servers at once: a row is claimed by the
// update that classifies it.
import type { Kysely } from 'kysely';
import { countableAnswers, type Answers } from '../../survey-defs/check-answers';
import type { Database } from '../db/database';
import type { ResponseRow } from '../db/tables/responses';
import { offeredSurveys } from '../invitations/invitation-surveys';
import { addAnswerCounts, countIncrements, negated, type CountedResponse } from '../repos/answer-counts';
import { vietnamDate } from '../scoring/vietnam-time';
import type { SurveyRegistry } from '../surveys/survey-registry';
import { isVerified, PROOFS, type Proof } from './proof';

const BATCH = 500;

export interface Classified {
  classified: number;
  unverified: number;
  /** Rows whose questionnaire version is no longer known: left as they were. */
  skipped: number;
}

export async function classifyLegacyResponses(db: Kysely<Database>, surveys: SurveyRegistry): Promise<Classified> {
  const out: Classified = { classified: 0, unverified: 0, skipped: 0 };
  const first = await unclassified(db, undefined);
  if (!first.length) return out;
  const qrProof = await invitationAccounting(db);
  const skippedIds: string[] = [];
  for (let rows = first; rows.length; rows = await unclassified(db, rows[rows.length - 1]!.id)) {
    await db.transaction().execute(async (trx) => {
      const moved: { row: ResponseRow; counted: Answers }[] = [];
      for (const row of rows) {
        const def = surveys.get(row.survey_id, row.survey_version);
        if (!def) {
          skippedIds.push(row.id);
          continue;
        }
        const proof = legacyProof(row, qrProof);
        const claimed = await trx.updateTable('responses').set({ proof }).where('id', '=', row.id).where('proof', '=', '').returning('id').executeTakeFirst();
        if (!claimed) continue; // another server classified it
        out.classified += 1;
        if (!isVerified(proof)) {
          out.unverified += 1;
          moved.push({ row, counted: countableAnswers(def, JSON.parse(row.answers) as Answers) });
        }
      }
      // Counted so far as verified: take them away there and add them as unverified.
      const counted = (verified: boolean): CountedResponse[] =>
        moved.map(({ row, counted }) => ({
          surveyId: row.survey_id, localDate: row.local_date, unitCode: row.unit_code, procedureCode: row.procedure_code,
          officialCode: row.official_code, channel: row.channel, flagged: row.flagged === 1, verified, countedAnswers: counted,
        }));
      await addAnswerCounts(trx, [...negated(countIncrements(counted(true))), ...countIncrements(counted(false))]);
    });
  }
  out.skipped = skippedIds.length;
  if (skippedIds.length) console.warn(`[sipas] ${skippedIds.length} stored response(s) answer a questionnaire version this server no longer knows; left unclassified`);
  return out;
}

async function unclassified(db: Kysely<Database>, after: string | undefined): Promise<ResponseRow[]> {
  let q = db.selectFrom('responses').selectAll().where('proof', '=', '').orderBy('id').limit(BATCH);
  if (after) q = q.where('id', '>', after);
  return q.execute();
}

function legacyProof(row: ResponseRow, qrProof: (row: ResponseRow) => Proof): Proof {
  switch (row.channel) {
    case 'kiosk':
      return row.device_id ? PROOFS.device : PROOFS.none;
    case 'qr':
      return qrProof(row);
    case 'web':
      return PROOFS.open;
    default:
      // Paper forms typed in or imported cannot be told apart after the fact; they stay counted.
      return PROOFS.import;
  }
}

/**
 * A QR answer is accounted for when invitations of its unit, procedure and official offered its
 * questionnaire at least as often as such answers were stored, and one was live on its date.
 * When a group holds more answers than invitations, which of them were forged cannot be told:
 * none of the group's answers is trusted.
 */
async function invitationAccounting(db: Kysely<Database>): Promise<(row: ResponseRow) => Proof> {
  const key = (unit: string, procedure: string, official: string, survey: string) => [unit, procedure, official, survey].join('\u0000');
  const offered = new Map<string, { count: number; from: string; to: string }>();
  for (const inv of await db.selectFrom('invitations').select(['unit_code', 'procedure_code', 'official_code', 'survey_id', 'created_date', 'expires_at']).execute()) {
    const lastDay = vietnamDate(new Date(Date.parse(inv.expires_at) - 1));
    for (const survey of offeredSurveys(inv)) {
      const k = key(inv.unit_code, inv.procedure_code, inv.official_code, survey);
      const known = offered.get(k) ?? { count: 0, from: inv.created_date, to: lastDay };
      offered.set(k, { count: known.count + 1, from: known.from < inv.created_date ? known.from : inv.created_date, to: known.to > lastDay ? known.to : lastDay });
    }
  }
  const answered = new Map<string, number>();
  const groups = await db
    .selectFrom('responses')
    .select(['unit_code', 'procedure_code', 'official_code', 'survey_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('channel', '=', 'qr')
    .groupBy(['unit_code', 'procedure_code', 'official_code', 'survey_id'])
    .execute();
  for (const g of groups) answered.set(key(g.unit_code, g.procedure_code, g.official_code, g.survey_id), Number(g.n));
  return (row) => {
    const k = key(row.unit_code, row.procedure_code, row.official_code, row.survey_id);
    const invited = offered.get(k);
    const fits = invited && (answered.get(k) ?? 0) <= invited.count && row.local_date >= invited.from && row.local_date <= invited.to;
    return fits ? PROOFS.invitation : PROOFS.none;
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { listOfficials, listProcedures, listUnits } from '../repos/organisation';
import { storeResponses, type PendingResponse } from '../repos/responses';
import { prepareResponse } from '../responses/prepare-response';
import { PROOFS } from '../responses/proof';
import type { SurveyRegistry } from '../surveys/survey-registry';
import { DEMO_SEED, syntheticResponses } from './synthetic-responses';

/**
 * Adds `count` synthetic responses through the normal write path; returns how many were new. The
 * seed is fixed by default, so the demo always tells the same story and a second run adds nothing.
 */
export async function seedDemoResponses(db: Kysely<Database>, surveys: SurveyRegistry, count: number, now = new Date(), seed = DEMO_SEED): Promise<number> {
  const sipas = surveys.get('sipas-2017');
  const quick = surveys.get('counter-quick');
  if (!sipas || !quick) throw new Error('the sipas-2017 and counter-quick questionnaires are needed for demo responses');
  const org = { units: await listUnits(db), procedures: await listProcedures(db), officials: await listOfficials(db) };
  if (!org.officials.length) throw new Error('no officials: seed the organisation first (npm run sipas -- seed)');
  let created = 0;
  let batch: PendingResponse[] = [];
  const flush = async () => {
    const outcomes = await db.transaction().execute((trx) => storeResponses(trx, batch));
    created += outcomes.filter((o) => o.status === 'created').length;
    batch = [];
  };
  for (const body of syntheticResponses(org, { count, now, seed, sipas, quick })) {
    // Synthetic open-link answers stay unverified, so the demo shows how they are counted apart.
    const prepared = await prepareResponse({ db, surveys, now, proof: body.channel === 'web' ? PROOFS.open : PROOFS.seed }, body);
    if (!prepared.ok) throw new Error(`synthetic response rejected: ${JSON.stringify(prepared.issues)}`);
    batch.push(prepared.response);
    if (batch.length === 500) await flush();
  }
  if (batch.length) await flush();
  return created;
}

import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countableAnswers, type Answers } from '../../survey-defs/check-answers';
import { FLAG_UNVERIFIED } from '../../server/repos/answer-counts';
import { storeResponses, type PendingResponse } from '../../server/repos/responses';
import { classifyLegacyResponses } from '../../server/responses/classify-legacy';
import type { Proof } from '../../server/responses/proof';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { signIn } from '../helpers/staff-session';
import { createAppOn, createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';
import { answerCountRows } from '../helpers/answer-count-rows';

// Responses stored before channels needed proof: those that claimed kiosk without a device, or QR
// without an invitation that can account for them, become unverified (counted apart), not deleted.
describe.each(dialects)('classifying responses stored before channel proof on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-10T03:00:00Z') });
  });
  afterEach(() => t.close());
  const db = () => t.database.handle.db;

  /** A row as the old write path stored it: no proof yet, counted as verified. */
  function legacy(fields: { channel: string; unit: string; procedure?: string; official?: string; device?: string; survey?: string; overall?: number }): PendingResponse {
    const surveyId = fields.survey ?? 'counter-quick';
    const def = t.database.surveys.get(surveyId)!;
    const answers: Answers = surveyId === 'counter-quick' ? { overall: fields.overall ?? 1 } : { access_seats: 2 };
    return {
      id: randomUUID(), surveyId, surveyVersion: def.version, localDate: '2026-03-10', submittedAt: '2026-03-10T03:00:00.000Z', receivedAt: '2026-03-10T03:00:00.000Z',
      unitCode: fields.unit, procedureCode: fields.procedure ?? '', officialCode: fields.official ?? '', channel: fields.channel, flagged: false,
      answers, countedAnswers: countableAnswers(def, answers), contentHash: randomUUID(), deviceId: fields.device ?? '',
      proof: '' as Proof, verified: true,
    };
  }

  it('marks unproven rows unverified, moves their counts, keeps every row, and does it once', async () => {
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    expect((await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q1', procedure: 'DT-01', official: 'CB-01' }), headers)).status).toBe(201);
    const rows = {
      kioskNoDevice: legacy({ channel: 'kiosk', unit: 'MC-Q1', official: 'CB-01' }),
      kioskDevice: legacy({ channel: 'kiosk', unit: 'MC-Q1', device: randomUUID(), overall: 3 }),
      qrInvited: legacy({ channel: 'qr', unit: 'MC-Q1', procedure: 'DT-01', official: 'CB-01', overall: 3 }),
      qrInvitedFull: legacy({ channel: 'qr', unit: 'MC-Q1', procedure: 'DT-01', official: 'CB-01', survey: 'sipas-2017' }),
      qrForged: legacy({ channel: 'qr', unit: 'MC-Q2', official: 'CB-03' }),
      web: legacy({ channel: 'web', unit: 'MC' }),
      paper: legacy({ channel: 'paper', unit: 'MC-Q2', overall: 2 }),
    };
    await db().transaction().execute((trx) => storeResponses(trx, Object.values(rows)));
    const { headers: admin } = await signIn(t, 'root', 'admin');
    expect((await t.call('GET', '/api/scores?survey=counter-quick', undefined, admin)).body.responses).toBe(6);

    expect(await classifyLegacyResponses(db(), t.database.surveys)).toEqual({ classified: 7, unverified: 3, skipped: 0 });
    const proofs = Object.fromEntries(
      await Promise.all(Object.entries(rows).map(async ([name, r]) => [name, (await db().selectFrom('responses').select('proof').where('id', '=', r.id).executeTakeFirstOrThrow()).proof])),
    );
    expect(proofs).toEqual({ kioskNoDevice: 'none', kioskDevice: 'device', qrInvited: 'invitation', qrInvitedFull: 'invitation', qrForged: 'none', web: 'open', paper: 'import' });

    const after = (await t.call('GET', '/api/scores?survey=counter-quick', undefined, admin)).body;
    expect(after).toMatchObject({ responses: 3, unverifiedResponses: 3 });
    // The counts of the unverified rows now sit under the unverified key, and nowhere else.
    const unverifiedCounts = (await answerCountRows(db())).filter((c) => c.question_id === 'overall' && c.flagged === FLAG_UNVERIFIED).sort((a, b) => (a.unit_code < b.unit_code ? -1 : 1));
    expect(unverifiedCounts.map((c) => [c.unit_code, c.value, Number(c.n)])).toEqual([['MC', '1', 1], ['MC-Q1', '1', 1], ['MC-Q2', '1', 1]]);
    expect((await t.call('GET', '/api/scores?survey=counter-quick&includeUnverified=1', undefined, admin)).body.responses).toBe(6);
    expect(await classifyLegacyResponses(db(), t.database.surveys)).toEqual({ classified: 0, unverified: 0, skipped: 0 });
  });

  it('trusts no QR answer of a group that holds more answers than it had invitations', async () => {
    const { headers } = await apiKeyHeaders(t, ['BQL']);
    await t.call('POST', '/api/invitations', invitationRequest({ unit: 'MC-Q1', procedure: 'DT-01', official: 'CB-01' }), headers);
    const two = [1, 2].map(() => legacy({ channel: 'qr', unit: 'MC-Q1', procedure: 'DT-01', official: 'CB-01' }));
    await db().transaction().execute((trx) => storeResponses(trx, two));
    expect((await classifyLegacyResponses(db(), t.database.surveys)).unverified).toBe(2);
  });

  it('runs when a server starts on the database', async () => {
    await db().transaction().execute((trx) => storeResponses(trx, [legacy({ channel: 'kiosk', unit: 'MC-Q1' })]));
    const second = await createAppOn(t.database.config);
    try {
      const row = await db().selectFrom('responses').select('proof').executeTakeFirstOrThrow();
      expect(row.proof).toBe('none');
    } finally {
      await second.close();
    }
  });
});

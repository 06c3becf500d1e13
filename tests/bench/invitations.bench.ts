// How much answering through a QR invitation costs over a plain response (token lookup, the use
// claimed in the storing transaction, the dossier counters), and how fast invitations are made.
// In-process through app.request() on a real SQLite file; figures only, never a pass or fail.
import { randomUUID } from 'node:crypto';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { enrolTestDevice } from '../helpers/kiosk-device';
import { createTestApp } from '../helpers/test-app';
import type { Benchmark } from './index';

const N = 2000;
const IN_FLIGHT = 32;

/** Runs the calls with IN_FLIGHT at a time; returns calls per second. */
async function rate(calls: (() => Promise<{ status: number }>)[], ok: number[]): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < calls.length) {
      const { status } = await calls[next++]!();
      if (!ok.includes(status)) throw new Error(`unexpected status ${status}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return calls.length / ((performance.now() - started) / 1000);
}

export const invitationsBenchmark: Benchmark = {
  name: 'invitations',
  description: `${N} QR answers vs ${N} plain answers (baseline), and ${N} invitations made; SQLite, ${IN_FLIGHT} in flight`,
  async run(log) {
    const t = await createTestApp('sqlite');
    try {
      const { headers } = await apiKeyHeaders(t, ['BQL']);
      const quick = () => ({ id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 2, reasons: ['on_time'] } });
      // The baseline: the same answers from an enrolled kiosk (checking its credential is the
      // plain path's proof, as the token is the QR path's).
      const kiosk = await enrolTestDevice(t, { unit: 'MC-Q1', official: 'CB-01', repeatSeconds: 0 });
      const plain = await rate(Array.from({ length: N }, () => () => t.call('POST', '/api/responses', { ...quick(), channel: 'kiosk' }, kiosk.headers)), [201]);
      const tokens: string[] = [];
      const made = await rate(
        Array.from({ length: N }, () => async () => {
          const res = await t.call('POST', '/api/invitations', invitationRequest({ returnedAt: undefined }), headers);
          tokens.push(res.body.token);
          return res;
        }),
        [201],
      );
      const invited = await rate(tokens.map((token) => () => t.call('POST', `/api/invitation-tokens/${token}/responses`, quick())), [201]);
      const twice = await rate(tokens.slice(0, N / 4).map((token) => () => t.call('POST', `/api/invitation-tokens/${token}/responses`, quick())), [409]);
      log(`plain answers (baseline)      ${plain.toFixed(0).padStart(6)} /s`);
      log(`answers through a QR token    ${invited.toFixed(0).padStart(6)} /s  (${((invited / plain) * 100).toFixed(0)}% of baseline)`);
      log(`second answers refused (409)  ${twice.toFixed(0).padStart(6)} /s`);
      log(`invitations made              ${made.toFixed(0).padStart(6)} /s`);
      return { 'invitations.plain_per_s': plain, 'invitations.qr_per_s': invited, 'invitations.refused_per_s': twice, 'invitations.made_per_s': made };
    } finally {
      await t.close();
    }
  },
};

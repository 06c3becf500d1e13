// Puts responses straight into a test database through the server's own write path
// (prepareResponse, then the group-commit writer), as the CLI import and the demo seed do. For
// tests that need figures to read: it skips only the per-channel proof of POST /api/responses,
// which tests of that endpoint exercise on their own.
import { randomUUID } from 'node:crypto';
import { prepareResponse } from '../../server/responses/prepare-response';
import { PROOFS, type Proof } from '../../server/responses/proof';
import type { ResponseBody } from '../../server/responses/response-body';
import type { TestApp } from './test-app';

export interface StoredInput {
  id?: string;
  surveyId?: string;
  /** Default: the latest published version. */
  surveyVersion?: number;
  answers: Record<string, unknown>;
  unit?: string;
  procedure?: string;
  official?: string;
  channel?: ResponseBody['channel'];
  submittedAt: string;
  /** Default: what that channel's own route would have proved (the open link proves nothing). */
  proof?: Proof;
}

const PROOF_OF_CHANNEL: Record<ResponseBody['channel'], Proof> = { kiosk: PROOFS.device, qr: PROOFS.invitation, paper: PROOFS.staff, web: PROOFS.open };

/**
 * Stores each response (default survey sipas-2017, channel kiosk) through the test app's writer
 * or the one given; fails the test if one is refused. Returns the ids.
 */
export async function storeResponses(t: TestApp, inputs: readonly StoredInput[], writer = t.writer): Promise<string[]> {
  const db = t.database.handle.db;
  const now = t.clock.now;
  return Promise.all(
    inputs.map(async (input) => {
      const body = { id: randomUUID(), surveyId: 'sipas-2017', channel: 'kiosk', ...input } as ResponseBody;
      const prepared = await prepareResponse({ db, surveys: t.database.surveys, now, proof: input.proof ?? PROOF_OF_CHANNEL[body.channel] }, body);
      if (!prepared.ok) throw new Error(`response refused: ${JSON.stringify(prepared.issues)}`);
      const outcome = await writer.write(prepared.response);
      if (outcome.status !== 'created') throw new Error(`response not stored: ${JSON.stringify(outcome)}`);
      return body.id;
    }),
  );
}

/** One response; see storeResponses. */
export async function storeResponse(t: TestApp, input: StoredInput): Promise<string> {
  return (await storeResponses(t, [input]))[0]!;
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { recordDeviceSubmission } from '../repos/kiosk-devices';
import type { PendingResponse, Refusal } from '../repos/responses';
import { isRepeatedTap } from './repeated-tap';

/**
 * The storing transaction's check for a response from a kiosk device: flag it when it follows
 * the device's previous submission too closely, and refuse it if the device was revoked
 * meanwhile. A flagged response is stored and counted apart, never dropped.
 */
export function repeatTapGuard(deviceId: string, now: Date) {
  return async (trx: Kysely<Database>, response: PendingResponse): Promise<Refusal | void> => {
    const seen = await recordDeviceSubmission(trx, deviceId, response.submittedAt, now);
    if (!seen || seen.revoked) return { code: 'device_revoked', message: 'This device has been revoked by a manager' };
    // Set both ways: a batch retried after a failed transaction runs the guard again.
    response.flagged = isRepeatedTap(seen.previousSubmittedAt, response.submittedAt, seen.repeatSeconds);
  };
}

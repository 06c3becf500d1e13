import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { recordDeviceSubmissions, type DeviceSubmissionNote } from '../repos/kiosk-devices';
import type { BatchGuard, PendingResponse, Refusal } from '../repos/responses';
import { isRepeatedTap } from './repeated-tap';

const revoked: Refusal = { code: 'device_revoked', message: 'This device has been revoked by a manager' };

/**
 * The storing transaction's check for responses from kiosk devices: flag each that follows its
 * device's previous submission too closely, and refuse them if the device was revoked meanwhile.
 * A flagged response is stored and counted apart, never dropped. One statement notes a whole
 * batch; each response is then compared, in batch order, with the latest before it, as if the
 * responses had been noted one by one.
 */
export const repeatTapGuard: BatchGuard = {
  async check(trx: Kysely<Database>, responses: readonly PendingResponse[]) {
    const latest = new Map<string, DeviceSubmissionNote>();
    for (const r of responses) {
      const note = latest.get(r.deviceId);
      if (!note) latest.set(r.deviceId, { id: r.deviceId, submittedAt: r.submittedAt, seenAt: r.receivedAt });
      else {
        if (note.submittedAt < r.submittedAt) note.submittedAt = r.submittedAt;
        if (note.seenAt < r.receivedAt) note.seenAt = r.receivedAt;
      }
    }
    const seen = await recordDeviceSubmissions(trx, [...latest.values()]);
    const previous = new Map<string, string | null>();
    return responses.map((r) => {
      const device = seen.get(r.deviceId);
      if (!device || device.revoked) return revoked;
      const before = previous.has(r.deviceId) ? previous.get(r.deviceId)! : device.previousSubmittedAt;
      // Set both ways: a batch retried after a failed transaction runs the guard again.
      r.flagged = isRepeatedTap(before, r.submittedAt, device.repeatSeconds);
      previous.set(r.deviceId, before === null || before < r.submittedAt ? r.submittedAt : before);
      return undefined;
    });
  },
};

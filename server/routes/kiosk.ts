import { createHmac } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { clientAddress } from '../client-address';
import { HttpError } from '../http-error';
import { deviceConfig } from '../kiosk/device-config';
import { enrolledDevice, identifyDevice } from '../kiosk/device-auth';
import { normaliseEnrolmentCode } from '../kiosk/device-tokens';
import { enrolDevice } from '../kiosk/kiosk-admin';
import { recordHeartbeat } from '../repos/kiosk-devices';
import { releaseAttempt, reserveAttempt, type RateLimit } from '../repos/rate-limits';
import { validate } from '../validate';

/** Wrong enrolment codes allowed per address in a window: plenty for typos, useless for guessing. */
export const ENROL_LIMIT: RateLimit = { bucket: 'kiosk-enrol', limit: 20, windowMs: 15 * 60_000 };

export const enrolBody = z.object({ code: z.string().min(1).max(40) }).strict();
export const heartbeatBody = z.object({ queued: z.number().int().min(0).max(1_000_000) }).strict();

/** What a kiosk tablet itself calls: enrolment with a one-time code, then heartbeats with its credential. */
export function kioskRoutes(deps: AppDeps) {
  const addressKey = (address: string) => createHmac('sha256', deps.secret).update(`addr:${address}`).digest('hex').slice(0, 32);
  return new Hono()
    .post('/enrol', validate('json', enrolBody), async (c) => {
      const now = deps.clock();
      const address = addressKey(clientAddress(c, deps.trustProxy));
      const rules = [[ENROL_LIMIT, address]] as const;
      const reserved = await reserveAttempt(deps.db, rules, now);
      if (!reserved.ok) {
        c.header('Retry-After', String(reserved.retryAfterSeconds));
        throw new HttpError(429, 'too_many_attempts', 'Too many wrong enrolment codes; wait 15 minutes and try again');
      }
      const code = normaliseEnrolmentCode(c.req.valid('json').code);
      const enrolled = code ? await enrolDevice(deps.db, code, deps.secret, now) : undefined;
      if (!enrolled) throw new HttpError(400, 'invalid_code', 'This enrolment code is wrong, already used or expired; ask a manager for a new one');
      await releaseAttempt(deps.db, rules, now);
      return c.json({ credential: enrolled.credential, device: await deviceConfig(deps.db, enrolled.device, deps.surveys) });
    })
    .post('/heartbeat', identifyDevice(deps, { required: true }), validate('json', heartbeatBody), async (c) => {
      const device = enrolledDevice(c);
      await recordHeartbeat(deps.db, device.id, c.req.valid('json').queued, deps.clock());
      return c.json({ device: await deviceConfig(deps.db, device, deps.surveys) });
    });
}

// A kiosk device proves itself with the credential it received at enrolment, sent as
// `Authorization: Kiosk <credential>`: a header, so another site cannot make a tablet send it, and
// a scheme of its own, so other credentials on the same routes are left to their own checks.
import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { HttpError } from '../http-error';
import { findDeviceByCredential, type DeviceWithUnitSurvey } from '../repos/kiosk-devices';
import { credentialHash } from './device-tokens';

export type DeviceEnv = { Variables: { device: DeviceWithUnitSurvey | undefined } };

const SCHEME = /^Kiosk\s/i;
const CREDENTIAL = /^Kiosk\s+([A-Za-z0-9_-]{20,100})$/i;

/**
 * The device behind an `Authorization: Kiosk …` header; undefined without an Authorization header;
 * 401/403 when it is not valid. A header of another scheme is refused, not taken for "no
 * credential": a revoked kiosk must not get through by sending something else.
 */
export async function deviceOf(db: Kysely<Database>, authorization: string | undefined): Promise<DeviceWithUnitSurvey | undefined> {
  return deviceFrom((hash) => findDeviceByCredential(db, hash), authorization);
}

/** deviceOf with the device found by `find` (the credential's hash), e.g. in a snapshot kept in memory. */
export async function deviceFrom(find: (hash: string) => Promise<DeviceWithUnitSurvey | undefined> | DeviceWithUnitSurvey | undefined, authorization: string | undefined): Promise<DeviceWithUnitSurvey | undefined> {
  if (authorization === undefined) return undefined;
  if (!SCHEME.test(authorization.trim())) throw new HttpError(401, 'unsupported_credential', 'Only a kiosk credential (Authorization: Kiosk …) is accepted here');
  const credential = CREDENTIAL.exec(authorization.trim())?.[1];
  const device = credential ? await find(credentialHash(credential)) : undefined;
  if (!device) throw new HttpError(401, 'unknown_device', 'This device is not enrolled (or its credential is wrong); enrol it again');
  if (device.revoked_at) throw new HttpError(403, 'device_revoked', 'This device has been revoked by a manager');
  return device;
}

/** Lets requests without an Authorization header through, and identifies those with one (see deviceOf). */
export function identifyDevice(deps: { db: Kysely<Database> }, options: { required?: boolean } = {}): MiddlewareHandler<DeviceEnv> {
  return async (c, next) => {
    const device = await deviceOf(deps.db, c.req.header('authorization'));
    if (!device && options.required) throw new HttpError(401, 'unknown_device', 'Send the device credential as Authorization: Kiosk …');
    c.set('device', device);
    await next();
  };
}

export function enrolledDevice(c: Context<DeviceEnv>): DeviceWithUnitSurvey {
  return c.get('device')!;
}

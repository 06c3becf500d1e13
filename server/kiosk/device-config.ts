import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { KioskDeviceRow } from '../db/tables/kiosk-devices';
import { HttpError } from '../http-error';
import { findOfficial, findUnit } from '../repos/organisation';
import type { ResponseBody } from '../responses/response-body';
import { settingsOf } from './kiosk-admin';

/** What the tablet needs to know about itself: where it stands, whom it rates, how it behaves. */
export async function deviceConfig(db: Kysely<Database>, device: KioskDeviceRow) {
  const [unit, official] = await Promise.all([findUnit(db, device.unit_code), device.official_code ? findOfficial(db, device.official_code) : undefined]);
  return {
    deviceId: device.id,
    name: device.name,
    unit: { code: device.unit_code, name: { vi: unit?.name_vi ?? device.unit_code, en: unit?.name_en ?? device.unit_code } },
    official: official ? { code: official.code, name: official.full_name } : null,
    settings: settingsOf(device),
  };
}
export type DeviceConfig = Awaited<ReturnType<typeof deviceConfig>>;

/**
 * A response sent with a device credential is about the device's unit and official, on the kiosk
 * channel: the server decides that, and refuses a body that claims anything else.
 */
export function bodyForDevice(device: KioskDeviceRow, body: ResponseBody): ResponseBody {
  const claims: [string, string | undefined, string][] = [
    ['unit', body.unit, device.unit_code],
    ['official', body.official, device.official_code],
    ['channel', body.channel, 'kiosk'],
  ];
  for (const [field, claimed, actual] of claims) {
    if (claimed !== undefined && claimed !== actual) {
      throw new HttpError(403, 'device_scope', `This device may only submit kiosk responses for its own unit and official (${field} "${claimed}")`);
    }
  }
  const { official: _ignored, ...rest } = body;
  return { ...rest, unit: device.unit_code, channel: 'kiosk', ...(device.official_code ? { official: device.official_code } : {}) };
}

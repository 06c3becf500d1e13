// Registering, re-enrolling, configuring and revoking kiosk devices, shared by the staff API and
// the command line. Every change is written to the audit log in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { KioskDeviceRow } from '../db/tables/kiosk-devices';
import { recordAudit } from '../repos/audit-log';
import { claimEnrolment, findDevice, insertDevice, updateDevice } from '../repos/kiosk-devices';
import { findOfficial, findUnit, listUnits } from '../repos/organisation';
import { subtreeCodes } from '../scoring/unit-tree';
import { partsColumn, storedAssignment, type SurveyAssignment } from '../surveys/survey-assignment';
import { credentialHash, enrolmentCodeHash, newDeviceCredential, newEnrolmentCode } from './device-tokens';
import type { DeviceSettings } from './device-settings';
import { ENROLMENT_HOURS } from './enrolment-link';

export class KioskAdminError extends Error {
  constructor(
    readonly code: 'unknown_unit' | 'unit_retired' | 'unknown_official' | 'official_retired' | 'unknown_device' | 'device_revoked',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface NewDevice extends DeviceSettings {
  name: string;
  unit: string;
  official?: string | null;
  /** Its own questionnaire setting, checked (checkAssignment); null or absent: its unit's. */
  survey?: SurveyAssignment | null;
}

interface Context {
  secret: Buffer;
  actor: string;
  now: Date;
}

/** Registers a device and returns it with its one-time enrolment code. */
export async function registerDevice(db: Kysely<Database>, input: NewDevice, ctx: Context): Promise<{ device: KioskDeviceRow; code: string }> {
  const unit = await findUnit(db, input.unit);
  if (!unit) throw new KioskAdminError('unknown_unit', `No unit with code "${input.unit}"`, 'unit');
  if (!unit.active) throw new KioskAdminError('unit_retired', `Unit "${input.unit}" is retired`, 'unit');
  if (input.official) {
    const official = await findOfficial(db, input.official);
    const inUnit = official && subtreeCodes(await listUnits(db), input.unit).includes(official.unit_code);
    if (official && inUnit && !official.active) throw new KioskAdminError('official_retired', `Official "${input.official}" is retired`, 'official');
    if (!official || !inUnit) {
      throw new KioskAdminError('unknown_official', `No active official "${input.official}" in unit ${input.unit}`, 'official');
    }
  }
  const code = newEnrolmentCode();
  const device: KioskDeviceRow = {
    id: randomUUID(),
    name: input.name.trim(),
    unit_code: input.unit,
    official_code: input.official ?? '',
    thanks_seconds: input.thanksSeconds,
    idle_seconds: input.idleSeconds,
    repeat_seconds: input.repeatSeconds,
    enrol_code_hash: enrolmentCodeHash(ctx.secret, code),
    enrol_expires_at: expiry(ctx.now),
    credential_hash: null,
    created_at: ctx.now.toISOString(),
    created_by: ctx.actor,
    enrolled_at: null,
    revoked_at: null,
    last_seen_at: null,
    queued: 0,
    last_submitted_at: null,
    previous_submitted_at: null,
    ...surveyColumns(input.survey ?? null),
  };
  await db.transaction().execute(async (trx) => {
    await insertDevice(trx, device);
    const details = { name: device.name, unit: device.unit_code, official: device.official_code || null, ...settingsOf(device), survey: storedAssignment(device) };
    await recordAudit(trx, { actor: ctx.actor, action: 'kiosk.register', target: device.id, details }, ctx.now);
  });
  return { device, code };
}

/** A fresh one-time code for a device (a tablet was reset or replaced); the old code stops working. */
export async function issueEnrolmentCode(db: Kysely<Database>, id: string, ctx: Context): Promise<{ device: KioskDeviceRow; code: string }> {
  const device = await liveDevice(db, id);
  const code = newEnrolmentCode();
  const changes = { enrol_code_hash: enrolmentCodeHash(ctx.secret, code), enrol_expires_at: expiry(ctx.now) };
  await db.transaction().execute(async (trx) => {
    await updateDevice(trx, id, changes);
    await recordAudit(trx, { actor: ctx.actor, action: 'kiosk.enrolment-code', target: id, details: { name: device.name } }, ctx.now);
  });
  return { device: { ...device, ...changes }, code };
}

export async function changeDeviceSettings(
  db: Kysely<Database>,
  id: string,
  changes: Partial<DeviceSettings> & { name?: string; survey?: SurveyAssignment | null },
  ctx: Context,
): Promise<KioskDeviceRow> {
  const device = await liveDevice(db, id);
  const next = {
    name: changes.name?.trim() ?? device.name,
    thanks_seconds: changes.thanksSeconds ?? device.thanks_seconds,
    idle_seconds: changes.idleSeconds ?? device.idle_seconds,
    repeat_seconds: changes.repeatSeconds ?? device.repeat_seconds,
    ...(changes.survey !== undefined ? surveyColumns(changes.survey) : {}),
  };
  await db.transaction().execute(async (trx) => {
    await updateDevice(trx, id, next);
    await recordAudit(trx, { actor: ctx.actor, action: 'kiosk.settings', target: id, details: { name: next.name, ...settingsOf({ ...device, ...next }), survey: storedAssignment({ ...device, ...next }) } }, ctx.now);
  });
  return { ...device, ...next };
}

/**
 * Revokes a device at once: its credential and any pending code stop working; the credential's
 * hash stays so the tablet can be told it was revoked. Its stored responses stay counted.
 */
export async function revokeDevice(db: Kysely<Database>, id: string, ctx: Context): Promise<KioskDeviceRow> {
  const device = await findDevice(db, id);
  if (!device) throw new KioskAdminError('unknown_device', `No kiosk device ${id}`);
  if (device.revoked_at) return device;
  const changes = { revoked_at: ctx.now.toISOString(), enrol_code_hash: null, enrol_expires_at: null };
  await db.transaction().execute(async (trx) => {
    await updateDevice(trx, id, changes);
    await recordAudit(trx, { actor: ctx.actor, action: 'kiosk.revoke', target: id, details: { name: device.name, unit: device.unit_code } }, ctx.now);
  });
  return { ...device, ...changes };
}

/** Turns a one-time code into a device credential; undefined for an unknown, used or expired code. */
export async function enrolDevice(db: Kysely<Database>, code: string, secret: Buffer, now: Date): Promise<{ device: KioskDeviceRow; credential: string } | undefined> {
  const credential = newDeviceCredential();
  return db.transaction().execute(async (trx) => {
    const device = await claimEnrolment(trx, enrolmentCodeHash(secret, code), credentialHash(credential), now);
    if (!device) return undefined;
    await recordAudit(trx, { actor: 'device', action: 'kiosk.enrol', target: device.id, details: { name: device.name } }, now);
    return { device, credential };
  });
}

export function settingsOf(device: KioskDeviceRow): DeviceSettings {
  return { thanksSeconds: device.thanks_seconds, idleSeconds: device.idle_seconds, repeatSeconds: device.repeat_seconds };
}

function surveyColumns(survey: SurveyAssignment | null): Pick<KioskDeviceRow, 'survey_id' | 'survey_parts'> {
  return { survey_id: survey?.surveyId ?? null, survey_parts: survey ? partsColumn(survey.parts) : null };
}

async function liveDevice(db: Kysely<Database>, id: string): Promise<KioskDeviceRow> {
  const device = await findDevice(db, id);
  if (!device) throw new KioskAdminError('unknown_device', `No kiosk device ${id}`);
  if (device.revoked_at) throw new KioskAdminError('device_revoked', 'This device has been revoked; register a new one');
  return device;
}

function expiry(now: Date): string {
  return new Date(now.getTime() + ENROLMENT_HOURS * 3_600_000).toISOString();
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { KioskDeviceRow } from '../db/tables/kiosk-devices';
import { HttpError } from '../http-error';
import { findOfficial, findUnit } from '../repos/organisation';
import { unitSurveyAssignment } from '../repos/survey-assignment';
import type { DeviceWithUnitSurvey } from '../repos/kiosk-devices';
import { effectiveAssignment, QUICK_SURVEY_ID, storedAssignment, type SurveyAssignment } from '../surveys/survey-assignment';
import type { ResponseBody } from '../responses/response-body';
import { settingsOf } from './kiosk-admin';

/**
 * What the tablet needs to know about itself: where it stands, whom it rates, how it behaves, and
 * which questionnaire and parts it asks after the quick rating.
 */
export async function deviceConfig(db: Kysely<Database>, device: KioskDeviceRow, surveys: { offered(id: string): { version: number } | undefined }) {
  const own = storedAssignment(device);
  const [unit, official, unitSurvey] = await Promise.all([
    findUnit(db, device.unit_code),
    device.official_code ? findOfficial(db, device.official_code) : undefined,
    own ? null : unitSurveyAssignment(db, device.unit_code),
  ]);
  const survey = effectiveAssignment(own, unitSurvey);
  return {
    deviceId: device.id,
    name: device.name,
    unit: { code: device.unit_code, name: { vi: unit?.name_vi ?? device.unit_code, en: unit?.name_en ?? device.unit_code } },
    official: official ? { code: official.code, name: official.full_name } : null,
    settings: settingsOf(device),
    survey: { id: survey.surveyId, parts: survey.parts },
    // The versions offered now: a tablet that runs all day loads a newly published one (and stops
    // asking a retired one) at its next person, without a restart.
    versions: { quick: surveys.offered(QUICK_SURVEY_ID)?.version ?? null, full: surveys.offered(survey.surveyId)?.version ?? null },
  };
}
export type DeviceConfig = Awaited<ReturnType<typeof deviceConfig>>;

/** What a device read with its unit's setting asks (the rule in server/surveys/survey-assignment.ts). */
export function deviceAssignment(device: DeviceWithUnitSurvey): SurveyAssignment {
  return effectiveAssignment(storedAssignment(device), storedAssignment({ survey_id: device.unit_survey_id, survey_parts: device.unit_survey_parts }));
}

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

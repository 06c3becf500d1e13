import type { KioskDeviceRow } from '../db/tables/kiosk-devices';
import type { OfficialRow } from '../db/tables/officials';
import type { UnitRow } from '../db/tables/units';
import type { DeviceCounts } from '../repos/kiosk-devices';
import { inheritedAssignment, storedAssignment } from '../surveys/survey-assignment';
import { settingsOf } from './kiosk-admin';

export type DeviceStatus = 'pending' | 'active' | 'revoked';

/** A device as staff see it: never its code or credential hashes. */
export function deviceView(device: KioskDeviceRow, lookup: { units: Map<string, UnitRow>; officials: Map<string, OfficialRow> }, counts: DeviceCounts | undefined, now: Date) {
  const unit = lookup.units.get(device.unit_code);
  const official = device.official_code ? lookup.officials.get(device.official_code) : undefined;
  const status: DeviceStatus = device.revoked_at ? 'revoked' : device.credential_hash ? 'active' : 'pending';
  const codePending = !device.revoked_at && !!device.enrol_code_hash && !!device.enrol_expires_at && device.enrol_expires_at > now.toISOString();
  return {
    id: device.id,
    name: device.name,
    unit: { code: device.unit_code, nameVi: unit?.name_vi ?? device.unit_code, nameEn: unit?.name_en ?? device.unit_code },
    official: device.official_code ? { code: device.official_code, name: official?.full_name ?? device.official_code } : null,
    status,
    enrolmentCodeExpiresAt: codePending ? device.enrol_expires_at : null,
    createdAt: device.created_at,
    createdBy: device.created_by,
    enrolledAt: device.enrolled_at,
    revokedAt: device.revoked_at,
    lastSeenAt: device.last_seen_at,
    queued: device.queued,
    settings: settingsOf(device),
    /** Its own questionnaire setting; null: its unit's. */
    survey: storedAssignment(device),
    /** What it asks (see server/surveys/survey-assignment.ts): `from` names the unit the setting comes from, null for the device's own or the default. */
    asks: asks(device, lookup.units),
    counts: counts ?? { today: 0, flaggedToday: 0, total: 0, flaggedTotal: 0 },
  };
}
export type DeviceView = ReturnType<typeof deviceView>;

function asks(device: KioskDeviceRow, units: Map<string, UnitRow>) {
  const own = storedAssignment(device);
  if (own) return { ...own, source: 'device' as const, from: null };
  const inherited = inheritedAssignment(units, device.unit_code);
  return { surveyId: inherited.surveyId, parts: inherited.parts, source: inherited.from ? ('unit' as const) : ('default' as const), from: inherited.from };
}

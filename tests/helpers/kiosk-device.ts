// Registers and enrols a kiosk device through the real API, as a manager and a tablet would.
import type { SignedIn } from './staff-session';
import { signIn } from './staff-session';
import type { TestApp } from './test-app';

export interface EnrolledDevice {
  id: string;
  credential: string;
  /** What the kiosk page keeps in localStorage (see kiosk/src/kiosk/device-config.ts). */
  config: Record<string, unknown>;
  /** The Authorization header the tablet sends. */
  headers: Record<string, string>;
}

let managers = 0;

/** Registers a device (as a fresh manager of `unit`'s parent unless one is given) and returns its enrolment. */
export async function registerTestDevice(t: TestApp, body: Record<string, unknown>, manager?: SignedIn): Promise<{ id: string; code: string; url: string }> {
  const who = manager ?? (await signIn(t, `kiosk-manager-${++managers}`, 'admin'));
  const res = await t.call('POST', '/api/kiosk-devices', { name: 'Máy quầy', ...body }, who.headers);
  if (res.status !== 201) throw new Error(`registering a device failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.device.id, code: res.body.enrolment.code, url: res.body.enrolment.url };
}

/** Registers and enrols a device; returns its credential as the tablet would hold it. */
export async function enrolTestDevice(t: TestApp, body: Record<string, unknown> = { unit: 'MC-Q1' }, manager?: SignedIn): Promise<EnrolledDevice> {
  const { code } = await registerTestDevice(t, body, manager);
  const res = await t.call('POST', '/api/kiosk/enrol', { code });
  if (res.status !== 200) throw new Error(`enrolment failed: ${res.status} ${JSON.stringify(res.body)}`);
  const { credential, device } = res.body;
  return { id: device.deviceId, credential, config: { ...device, credential }, headers: { authorization: `Kiosk ${credential}` } };
}

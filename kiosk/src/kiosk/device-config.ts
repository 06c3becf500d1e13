// What the tablet remembers about itself after enrolment, in localStorage: who it is, where it
// stands, its settings and the credential it sends. Nothing about the people who answered.
export interface DeviceSettings {
  thanksSeconds: number;
  idleSeconds: number;
  repeatSeconds: number;
}

export interface DeviceConfig {
  deviceId: string;
  name: string;
  unit: { code: string; name: Record<string, string> };
  official: { code: string; name: string } | null;
  settings: DeviceSettings;
  /**
   * The full questionnaire asked after the quick rating and its parts (group ids; null: every
   * part). Absent on a tablet enrolled before the server named it, until its next heartbeat.
   */
  survey?: SurveySetting;
  /** The versions the server offers now; a new one (published, or the old one retired) is loaded at the next person. */
  versions?: { quick: number | null; full: number | null };
}

export interface SurveySetting {
  id: string;
  parts: string[] | null;
}

export interface EnrolledDevice extends DeviceConfig {
  credential: string;
}

const KEY = 'sipas.kiosk.device';

/** The device this tablet was enrolled as, or null. */
export function loadDevice(): EnrolledDevice | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as EnrolledDevice | null;
    return stored && typeof stored.credential === 'string' && typeof stored.deviceId === 'string' && stored.settings ? stored : null;
  } catch {
    return null; // unreadable: enrol again rather than run half-configured
  }
}

export function saveDevice(device: EnrolledDevice): void {
  localStorage.setItem(KEY, JSON.stringify(device));
}

export function forgetDevice(): void {
  localStorage.removeItem(KEY);
}

/** The one-time code in an enrolment link (`/kiosk#enrol=abcd-efgh-jkmn`), if any. */
export function enrolmentCodeIn(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('enrol');
}

// The staff API for kiosk devices (server/routes/kiosk-devices.ts), typed for the tab.
import { api } from '../staff-api';
import type { SurveyAsked, SurveyChoice } from '../survey-setting/survey-setting';

export interface DeviceSettings {
  thanksSeconds: number;
  idleSeconds: number;
  repeatSeconds: number;
}

export interface DeviceView {
  id: string;
  name: string;
  unit: { code: string; nameVi: string; nameEn: string };
  official: { code: string; name: string } | null;
  status: 'pending' | 'active' | 'revoked';
  enrolmentCodeExpiresAt: string | null;
  lastSeenAt: string | null;
  queued: number;
  settings: DeviceSettings;
  /** Its own questionnaire setting; null: its unit's. */
  survey: { surveyId: string; parts: string[] | null } | null;
  asks: SurveyAsked;
  counts: { today: number; flaggedToday: number; total: number; flaggedTotal: number };
}

export interface Enrolment {
  code: string;
  url: string;
  qr: string;
  expiresAt: string;
}

export interface DeviceChoices {
  units: { code: string; nameVi: string; nameEn: string; parent: string | null }[];
  officials: { code: string; name: string; unit: string }[];
  defaults: DeviceSettings;
  surveys: SurveyChoice[];
}

export interface NewDevice extends DeviceSettings {
  name: string;
  unit: string;
  official: string | null;
}

export const listDevices = () => api<{ devices: DeviceView[] }>('/api/kiosk-devices').then((r) => r.devices);
export const deviceChoices = () => api<DeviceChoices>('/api/kiosk-devices/choices');
export const registerDevice = (body: NewDevice) => api<{ device: DeviceView; enrolment: Enrolment }>('/api/kiosk-devices', { json: body });
export const newEnrolmentCode = (id: string) => api<{ device: DeviceView; enrolment: Enrolment }>(`/api/kiosk-devices/${id}/enrolment`, { method: 'POST' });
export const changeSettings = (id: string, body: Partial<DeviceSettings> & { name?: string; surveyId?: string | null; surveyParts?: string[] | null }) =>
  api<{ device: DeviceView }>(`/api/kiosk-devices/${id}`, { method: 'PATCH', json: body });
export const revokeDevice = (id: string) => api<{ device: DeviceView }>(`/api/kiosk-devices/${id}/revoke`, { method: 'POST' });

// Staff manage the kiosk tablets of their units.
import { deviceIdParam, deviceSettingsBody, registerBody } from '../../routes/kiosk-devices';
import type { Operation } from '../operation';
import { deviceChoices, deviceList, deviceWithEnrolment, oneDevice } from '../staff-replies';

const managers = { staff: { roles: ['admin', 'manager'] } } as const;

export const deviceOperations: Operation[] = [
  {
    method: 'get', path: '/api/kiosk-devices', audience: 'staff', auth: { staff: {} },
    summary: { vi: 'Các máy kiosk của đơn vị', en: 'The kiosk tablets of one\'s units' },
    ok: { 200: { description: 'With today\'s and all-time counts', schema: deviceList } },
  },
  {
    method: 'get', path: '/api/kiosk-devices/choices', audience: 'staff', auth: managers,
    summary: { vi: 'Lựa chọn khi đăng ký máy', en: 'Choices for registering a tablet' },
    ok: { 200: { description: 'Units, officials and default settings', schema: deviceChoices } },
  },
  {
    method: 'post', path: '/api/kiosk-devices', audience: 'staff', auth: managers, body: registerBody,
    summary: { vi: 'Đăng ký máy kiosk mới', en: 'Register a tablet' },
    ok: { 201: { description: 'The device and its one-time enrolment code (shown once)', schema: deviceWithEnrolment } },
    errors: { 403: ['unit_out_of_scope'] },
  },
  {
    method: 'patch', path: '/api/kiosk-devices/{id}', audience: 'staff', auth: managers, params: deviceIdParam, body: deviceSettingsBody,
    summary: { vi: 'Đổi tên, thời gian của máy', en: 'Change a tablet\'s name and timings' },
    ok: { 200: { description: 'The device', schema: oneDevice } },
    errors: { 404: ['unknown_device'], 409: ['device_revoked'] },
  },
  {
    method: 'post', path: '/api/kiosk-devices/{id}/enrolment', audience: 'staff', auth: managers, params: deviceIdParam,
    summary: { vi: 'Cấp mã đăng ký mới', en: 'Issue a new enrolment code' },
    description: 'For a tablet that was reset or replaced: the old credential stops when the new code is used.',
    ok: { 200: { description: 'The device and the code (shown once)', schema: deviceWithEnrolment } },
    errors: { 404: ['unknown_device'], 409: ['device_revoked'] },
  },
  {
    method: 'post', path: '/api/kiosk-devices/{id}/revoke', audience: 'staff', auth: managers, params: deviceIdParam,
    summary: { vi: 'Thu hồi máy', en: 'Revoke a tablet' },
    ok: { 200: { description: 'The device, revoked; its stored answers stay counted', schema: oneDevice } },
    errors: { 404: ['unknown_device'] },
  },
];

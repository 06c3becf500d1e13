// The kiosk tablet: enrolment, heartbeats and its responses (Authorization: Kiosk <credential>).
import { responseBody } from '../../responses/response-body';
import { enrolBody, heartbeatBody } from '../../routes/kiosk';
import type { Operation } from '../operation';
import { storedResponse } from '../response-schemas';
import { enrolled, heartbeatReply } from '../staff-replies';

export const kioskOperations: Operation[] = [
  {
    method: 'post', path: '/api/kiosk/enrol', audience: 'kiosk', body: enrolBody,
    summary: { vi: 'Đăng ký máy tính bảng bằng mã dùng một lần', en: 'Enrol a tablet with its one-time code' },
    description: 'The code comes from the staff page (tab Thiết bị kiosk) or `sipas kiosk add`; it works once, for 24 hours.',
    ok: { 200: { description: 'The device credential (shown once) and the device\'s settings', schema: enrolled } },
    errors: { 400: ['invalid_code'], 429: ['too_many_attempts'] },
  },
  {
    method: 'post', path: '/api/kiosk/heartbeat', audience: 'kiosk', auth: { kiosk: 'required' }, body: heartbeatBody,
    summary: { vi: 'Máy kiosk báo còn hoạt động', en: 'The tablet says it is alive' },
    ok: { 200: { description: 'The device\'s current settings', schema: heartbeatReply } },
  },
  {
    method: 'post', path: '/api/responses', audience: 'kiosk', auth: { kiosk: 'optional' }, body: responseBody,
    summary: { vi: 'Gửi một phiếu trả lời', en: 'Send one response' },
    description:
      'With a kiosk credential the device decides the unit, official and channel (kiosk); a body claiming others is refused (403 device_scope). ' +
      'A rating is an integer level of its scale, or 0 for "no opinion" where the scale allows it; a single choice is an option id, a multiple choice a list of them, text a string; null, "" or [] mean unanswered. ' +
      'Resending the same id with the same content answers 200 and stores nothing twice.',
    ok: {
      201: { description: 'Stored', schema: storedResponse },
      200: { description: 'The same response again: stored once', schema: storedResponse },
    },
    errors: { 403: ['device_scope'], 409: ['conflict'], 503: ['shutting_down'] },
  },
];

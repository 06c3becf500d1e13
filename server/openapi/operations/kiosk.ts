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
      'Each channel needs its own proof. `kiosk`: the enrolled device\'s credential, and the device decides the unit, official and channel; a body claiming others is refused (403 device_scope). ' +
      '`qr`: never here, only through the invitation\'s token. `paper`: a signed-in manager or admin of the unit (session cookie and X-CSRF-Token); each form is audited with who typed it. ' +
      '`web`: the unit\'s open link, only when an admin turned it on, with the page\'s anonymous `browser` id; limited per browser and address, and counted apart as unverified. ' +
      'A rating is an integer level of its scale, or 0 for "no opinion" where the scale allows it; a single choice is an option id, a multiple choice a list of them, text a string; null, "" or [] mean unanswered. ' +
      'Resending the same id with the same content answers 200 and stores nothing twice.',
    ok: {
      201: { description: 'Stored', schema: storedResponse },
      200: { description: 'The same response again: stored once', schema: storedResponse },
    },
    errors: {
      401: ['device_credential_required', 'unsupported_credential', 'not_signed_in'],
      403: ['device_scope', 'invitation_required', 'open_link_off', 'csrf', 'forbidden', 'forbidden_unit', 'password_change_required'],
      409: ['conflict', 'survey_retired'],
      429: ['too_many_responses'],
      503: ['shutting_down'],
    },
  },
];

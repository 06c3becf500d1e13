import { describe, expect, it } from 'vitest';
import en from '../../kiosk/locales/staff/en.json';
import { errorText } from '../../kiosk/src/shared/error-text';
import { translate, type MessageTree } from '../../kiosk/src/shared/translate';
import { staffVietnamese } from '../../kiosk/src/staff/staff-i18n';
import { passwordBody } from '../../server/routes/staff-auth';
import { toIssues } from '../../server/validate';

const vi = (key: string) => translate(staffVietnamese, staffVietnamese, key);
const english = (key: string) => translate(en as MessageTree, staffVietnamese, key);

describe('errors in the person\'s language', () => {
  it('says why a new password equal to the old one is refused, in Vietnamese, not in the server\'s English', () => {
    const parsed = passwordBody.safeParse({ current: 'mat-khau-cu-1', next: 'mat-khau-cu-1' });
    expect(parsed.success).toBe(false);
    const issues = toIssues(parsed.error!);
    expect(issues).toEqual([{ path: 'next', code: 'same_as_current', message: 'must differ from the current password' }]);
    const error = { status: 400, code: 'invalid_request', issues };
    expect(errorText(vi, error)).toBe('Mật khẩu mới: phải khác mật khẩu hiện tại');
    expect(errorText(english, error)).toBe('New password: must differ from the current password');
  });

  it('names each field once, uses the code\'s own words, and knows a failed network from a failed server', () => {
    const tooShort = { status: 400, code: 'invalid_request', issues: [{ path: 'next', code: 'too_small' }, { path: 'next', code: 'too_small' }, { path: 'mystery', code: 'whatever' }] };
    expect(errorText(vi, tooShort)).toBe('Mật khẩu mới: quá ngắn hoặc chưa nhập; mystery: không hợp lệ');
    expect(errorText(vi, { status: 409, code: 'reply_required' })).toBe('Cần lưu nội dung trả lời trước.');
    expect(errorText(vi, { status: 502, code: 'http_502' })).toBe(vi('errors.codes.internal'));
    expect(errorText(vi, { status: 418, code: 'teapot' })).toBe(vi('errors.unknown'));
    expect(errorText(vi, null)).toBe(vi('errors.network'));
  });
});

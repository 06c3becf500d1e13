// Signing in and out, the person's own password, and the audit log.
import { auditQuery, loginBody, passwordBody } from '../../routes/staff-auth';
import type { Operation } from '../operation';
import { z } from 'zod';
import { auditEntries, me, passwordChanged, signedIn, signedOut } from '../staff-replies';

export const staffAccountOperations: Operation[] = [
  {
    method: 'post', path: '/api/staff/login', audience: 'staff', body: loginBody,
    summary: { vi: 'Đăng nhập', en: 'Sign in' },
    description: 'Sets the HttpOnly session cookie sipas_session (12 hours) and returns the CSRF token every change must send as X-CSRF-Token.',
    ok: { 200: { description: 'Signed in', schema: signedIn } },
    errors: { 401: ['bad_credentials'], 429: ['too_many_attempts'] },
  },
  {
    method: 'post', path: '/api/staff/logout', audience: 'staff', auth: { staff: { beforePasswordChange: true } },
    summary: { vi: 'Đăng xuất', en: 'Sign out' },
    ok: { 200: { description: 'The session is gone', schema: signedOut } },
  },
  {
    method: 'get', path: '/api/staff/session', audience: 'staff',
    summary: { vi: 'Đã đăng nhập chưa', en: 'Whether anyone is signed in' },
    description: 'Like GET /api/staff/me, but answers 200 with signedIn: false instead of 401, for a page\'s first look.',
    ok: { 200: { description: 'The session, if any', schema: z.discriminatedUnion('signedIn', [z.object({ signedIn: z.literal(false) }), me.extend({ signedIn: z.literal(true) })]) } },
  },
  {
    method: 'get', path: '/api/staff/me', audience: 'staff', auth: { staff: { beforePasswordChange: true } },
    summary: { vi: 'Người đang đăng nhập', en: 'Who is signed in' },
    ok: { 200: { description: 'The account, the CSRF token and the units the person sees', schema: me } },
  },
  {
    method: 'post', path: '/api/staff/password', audience: 'staff', auth: { staff: { beforePasswordChange: true } }, body: passwordBody,
    summary: { vi: 'Đổi mật khẩu của mình', en: 'Change one\'s own password' },
    ok: { 200: { description: 'Changed', schema: passwordChanged } },
    errors: { 400: ['bad_credentials'] },
  },
  {
    method: 'get', path: '/api/staff/audit', audience: 'admins', auth: { staff: { roles: ['admin'] } }, query: auditQuery,
    summary: { vi: 'Nhật ký thao tác', en: 'The audit log' },
    ok: { 200: { description: 'Newest first', schema: auditEntries } },
  },
];

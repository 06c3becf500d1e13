import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { verifyPassword } from '../auth/password';
import { requireStaff, SESSION_COOKIE, staffOf } from '../auth/staff-auth';
import { staffScope } from '../auth/staff-scope';
import { changeOwnPassword } from '../auth/user-admin';
import { clientAddressKey } from '../client-address';
import { HttpError } from '../http-error';
import { listAudit } from '../repos/audit-log';
import { consumeRateLimit, peekRateLimit, type RateLimit } from '../repos/rate-limits';
import { listUnits } from '../repos/organisation';
import { createSession, deleteSession, findSession, SESSION_HOURS } from '../repos/sessions';
import { findUserByUsername, toStaffUser } from '../repos/users';
import { validate } from '../validate';

const FIFTEEN_MINUTES = 15 * 60_000;
/** Failed sign-ins allowed per account, and per address, in a window. */
export const LOGIN_LIMITS = {
  account: { bucket: 'login-account', limit: 10, windowMs: FIFTEEN_MINUTES },
  address: { bucket: 'login-address', limit: 30, windowMs: FIFTEEN_MINUTES },
} satisfies Record<string, RateLimit>;

export const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict();
export const passwordBody = z
  .object({ current: z.string().min(1).max(256), next: z.string().min(10, 'at least 10 characters').max(256) })
  .strict()
  .refine((b) => b.next !== b.current, { path: ['next'], message: 'must differ from the current password', params: { code: 'same_as_current' } });
export const auditQuery = z.object({ before: z.iso.datetime().optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }).strict();

export function staffAuthRoutes(deps: AppDeps) {
  const secure = deps.publicUrl.startsWith('https:');
  return new Hono()
    .post('/login', validate('json', loginBody), async (c) => {
      const { username, password } = c.req.valid('json');
      const now = deps.clock();
      const account = username.toLowerCase();
      const address = clientAddressKey(c, deps);
      for (const [rule, subject] of [[LOGIN_LIMITS.account, account], [LOGIN_LIMITS.address, address]] as const) {
        if ((await peekRateLimit(deps.db, rule, subject, now)) >= rule.limit) {
          c.header('Retry-After', String(Math.ceil(rule.windowMs / 1000)));
          throw new HttpError(429, 'too_many_attempts', 'Too many failed sign-ins; wait 15 minutes and try again');
        }
      }
      const user = await findUserByUsername(deps.db, account);
      const ok = user && !user.disabled && (await verifyPassword(password, user.password_hash));
      if (!ok || !user) {
        await consumeRateLimit(deps.db, LOGIN_LIMITS.account, account, now);
        await consumeRateLimit(deps.db, LOGIN_LIMITS.address, address, now);
        throw new HttpError(401, 'bad_credentials', 'Wrong username or password');
      }
      const session = await createSession(deps.db, user.id, now);
      setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge: SESSION_HOURS * 3600 });
      return c.json({ user: toStaffUser(user), csrfToken: session.csrfToken });
    })
    .post('/logout', requireStaff(deps, { beforePasswordChange: true }), async (c) => {
      await deleteSession(deps.db, staffOf(c).tokenHash);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ status: 'signed_out' as const });
    })
    // The staff page's first look: who is signed in, if anyone, without a 401 in the console.
    .get('/session', async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      const session = token ? await findSession(deps.db, token, deps.clock()) : undefined;
      c.header('Cache-Control', 'no-store');
      if (!session) return c.json({ signedIn: false as const });
      const scope = staffScope(session.user, await listUnits(deps.db));
      return c.json({ signedIn: true as const, user: toStaffUser(session.user), csrfToken: session.csrfToken, units: scope.units ? [...scope.units] : null });
    })
    .get('/me', requireStaff(deps, { beforePasswordChange: true }), (c) => {
      const { user, csrfToken, scope } = staffOf(c);
      return c.json({ user: toStaffUser(user), csrfToken, units: scope.units ? [...scope.units] : null });
    })
    .post('/password', requireStaff(deps, { beforePasswordChange: true }), validate('json', passwordBody), async (c) => {
      const { user } = staffOf(c);
      const { current, next } = c.req.valid('json');
      if (!(await verifyPassword(current, user.password_hash))) throw new HttpError(400, 'bad_credentials', 'The current password is wrong');
      await changeOwnPassword(deps.db, user, next, deps.clock());
      return c.json({ status: 'changed' as const });
    })
    .get('/audit', requireStaff(deps, { roles: ['admin'] }), validate('query', auditQuery), async (c) => {
      const { before, limit } = c.req.valid('query');
      const rows = await listAudit(deps.db, limit, before);
      return c.json(rows.map((r) => ({ ...r, details: JSON.parse(r.details) as unknown })));
    });
}

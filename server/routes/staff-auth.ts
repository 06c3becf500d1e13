import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { decoyPasswordHash, verifyPassword } from '../auth/password';
import { releaseSignIn, reserveSignIn } from '../auth/sign-in-guard';
import { requireStaff, SESSION_COOKIE, staffOf } from '../auth/staff-auth';
import { staffScope } from '../auth/staff-scope';
import { changeOwnPassword } from '../auth/user-admin';
import { clientAddressKey } from '../client-address';
import { HttpError } from '../http-error';
import { listAudit } from '../repos/audit-log';
import { countUnits, listUnits } from '../repos/organisation';
import { createSession, deleteSession, findSession, SESSION_HOURS } from '../repos/sessions';
import { findUserByUsername, toStaffUser } from '../repos/users';
import { boundedInstant } from '../dates/calendar-date';
import { validate } from '../validate';

export const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict();
export const passwordBody = z
  .object({ current: z.string().min(1).max(256), next: z.string().min(10, 'at least 10 characters').max(256) })
  .strict()
  .refine((b) => b.next !== b.current, { path: ['next'], message: 'must differ from the current password', params: { code: 'same_as_current' } });
export const auditQuery = z.object({ before: boundedInstant.optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }).strict();

export function staffAuthRoutes(deps: AppDeps) {
  const secure = deps.publicUrl.startsWith('https:');
  return new Hono()
    .post('/login', validate('json', loginBody), async (c) => {
      const { username, password } = c.req.valid('json');
      const now = deps.clock();
      const account = username.toLowerCase();
      const reserved = await reserveSignIn(deps.db, account, clientAddressKey(c, deps), now);
      if (!reserved.ok) {
        c.header('Retry-After', String(reserved.retryAfterSeconds));
        throw new HttpError(429, 'too_many_attempts', 'Too many failed sign-ins; wait 15 minutes and try again');
      }
      const user = await findUserByUsername(deps.db, account);
      // An unknown or disabled account costs the same hash, so timing does not tell which exist.
      const matches = await verifyPassword(password, user?.password_hash ?? (await decoyPasswordHash()));
      if (!user || user.disabled || !matches) throw new HttpError(401, 'bad_credentials', 'Wrong username or password');
      await releaseSignIn(deps.db, reserved, now);
      const session = await createSession(deps.db, user.id, now);
      setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge: SESSION_HOURS * 3600 });
      return c.json({ user: toStaffUser(user), csrfToken: session.csrfToken, organisationEmpty: (await countUnits(deps.db)) === 0 });
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
      const units = await listUnits(deps.db);
      const scope = staffScope(session.user, units);
      return c.json({ signedIn: true as const, user: toStaffUser(session.user), csrfToken: session.csrfToken, units: scope.units ? [...scope.units] : null, organisationEmpty: units.length === 0 });
    })
    .get('/me', requireStaff(deps, { beforePasswordChange: true }), async (c) => {
      const { user, csrfToken, scope } = staffOf(c);
      return c.json({ user: toStaffUser(user), csrfToken, units: scope.units ? [...scope.units] : null, organisationEmpty: (await countUnits(deps.db)) === 0 });
    })
    .post('/password', requireStaff(deps, { beforePasswordChange: true }), validate('json', passwordBody), async (c) => {
      const { user } = staffOf(c);
      const { current, next } = c.req.valid('json');
      if (!(await verifyPassword(current, user.password_hash))) throw new HttpError(400, 'bad_credentials', 'The current password is wrong');
      await changeOwnPassword(deps.db, user, next, deps.clock(), staffOf(c).tokenHash);
      return c.json({ status: 'changed' as const });
    })
    .get('/audit', requireStaff(deps, { roles: ['admin'] }), validate('query', auditQuery), async (c) => {
      const { before, limit } = c.req.valid('query');
      const rows = await listAudit(deps.db, limit, before);
      return c.json(rows.map((r) => ({ ...r, details: JSON.parse(r.details) as unknown })));
    });
}

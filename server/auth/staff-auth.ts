// The gate in front of every staff route: a live session cookie, the CSRF token on every change,
// the right role, and the set of units the person may see.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { Role, UserRow } from '../db/tables/users';
import { HttpError } from '../http-error';
import { listUnits } from '../repos/organisation';
import { findSession } from '../repos/sessions';
import { staffScope, type StaffScope } from './staff-scope';

export const SESSION_COOKIE = 'sipas_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface Staff {
  user: UserRow;
  scope: StaffScope;
  csrfToken: string;
  tokenHash: string;
}
export type StaffEnv = { Variables: { staff: Staff } };

export interface StaffGateOptions {
  roles?: readonly Role[];
  /** Let through a user who still has to replace a one-time password (me, password, logout). */
  beforePasswordChange?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireStaff(deps: { db: Kysely<Database>; clock: () => Date }, options: StaffGateOptions = {}): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    c.set('staff', await authenticateStaff(deps, c, options));
    await next();
  };
}

/** The staff member behind the request's session, checked as requireStaff does; throws 401 or 403. */
export async function authenticateStaff(deps: { db: Kysely<Database>; clock: () => Date }, c: Context, options: StaffGateOptions = {}): Promise<Staff> {
  const token = getCookie(c, SESSION_COOKIE);
  const session = token ? await findSession(deps.db, token, deps.clock()) : undefined;
  if (!session) throw new HttpError(401, 'not_signed_in', 'Sign in to continue');
  if (!SAFE_METHODS.has(c.req.method) && !sameToken(c.req.header(CSRF_HEADER), session.csrfToken)) {
    throw new HttpError(403, 'csrf', 'Missing or wrong X-CSRF-Token header');
  }
  if (session.user.must_change_password && !options.beforePasswordChange) {
    throw new HttpError(403, 'password_change_required', 'Set your own password first');
  }
  if (options.roles && !options.roles.includes(session.user.role)) {
    throw new HttpError(403, 'forbidden', `This needs the role ${options.roles.join(' or ')}`);
  }
  return { ...session, scope: staffScope(session.user, await listUnits(deps.db)) };
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The signed-in staff member (only inside a route behind requireStaff). */
export function staffOf(c: Context<StaffEnv>): Staff {
  return c.get('staff');
}

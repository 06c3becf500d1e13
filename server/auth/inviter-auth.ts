// Who may create invitations and print slips: a signed-in staff member (admin or manager) or an
// integrated one-stop system with an API key (Authorization: Bearer sipas_…), each limited to
// its units and the units below them.
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { HttpError } from '../http-error';
import { findApiKeyByHash } from '../repos/api-keys';
import { listUnits } from '../repos/organisation';
import { subtreeCodes } from '../scoring/unit-tree';
import { apiKeyHash } from './api-key-admin';
import { requireStaff, type StaffEnv } from './staff-auth';
import type { StaffScope } from './staff-scope';

export interface Inviter {
  /** "staff:<username>" or "key:<api key id>", recorded on the invitation. */
  actor: string;
  scope: StaffScope;
}
export type InviterEnv = { Variables: { inviter: Inviter } & Partial<StaffEnv['Variables']> };

export const INVITER_ROLES = ['admin', 'manager'] as const;

export function requireInviter(deps: { db: Kysely<Database>; clock: () => Date }): MiddlewareHandler<InviterEnv> {
  const staffGate = requireStaff(deps, { roles: INVITER_ROLES });
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const key = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const row = key ? await findApiKeyByHash(deps.db, apiKeyHash(key)) : undefined;
      if (!row || row.revoked_at) throw new HttpError(401, 'invalid_api_key', 'Unknown or revoked API key (send Authorization: Bearer <key>)');
      const roots = JSON.parse(row.units) as string[];
      const all = await listUnits(deps.db);
      c.set('inviter', { actor: `key:${row.id}`, scope: { units: new Set(roots.flatMap((u) => subtreeCodes(all, u))), root: roots[0] ?? null } });
      return next();
    }
    return staffGate(c as never, async () => {
      const staff = c.get('staff')!;
      c.set('inviter', { actor: `staff:${staff.user.username}`, scope: staff.scope });
      await next();
    });
  };
}

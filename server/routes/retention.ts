import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireStaff, staffOf } from '../auth/staff-auth';
import { recordAudit } from '../repos/audit-log';
import { readRetention, saveRetention } from '../repos/retention';
import { MIN_RETENTION_DAYS } from '../scoring/retention-cutoff';
import { validate } from '../validate';

/** At least a month: the figures of a running period rest on their raw rows until it ends. */
export const retentionBody = z.object({ responseDays: z.number().int().min(MIN_RETENTION_DAYS).max(36_500).nullable() }).strict();

/** How long raw responses and texts are kept: admins only, audited. The daily expiry is server/repos/retention.ts. */
export function retentionRoutes(deps: AppDeps) {
  return new Hono()
    .use(requireStaff(deps, { roles: ['admin'] }))
    .get('/', async (c) => c.json(await readRetention(deps.db)))
    .put('/', validate('json', retentionBody), async (c) => {
      const { responseDays } = c.req.valid('json');
      const { user } = staffOf(c);
      const now = deps.clock();
      const before = await readRetention(deps.db);
      await deps.db.transaction().execute(async (trx) => {
        await saveRetention(trx, responseDays, user.username, now);
        await recordAudit(trx, { actor: user.username, action: 'retention.set', target: 'responses', details: { from: before.responseDays, to: responseDays } }, now);
      });
      return c.json(await readRetention(deps.db));
    });
}

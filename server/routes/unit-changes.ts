// Admins record dated moves' history and merge units (two communes into one) from a date.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireStaff, staffOf } from '../auth/staff-auth';
import { calendarDate } from '../dates/calendar-date';
import { mergeUnits } from '../organisation/merge-units';
import { listUnitChanges } from '../repos/unit-changes';
import { vietnamDate } from '../scoring/vietnam-time';
import { validate } from '../validate';

const code = z.string().min(1).max(64);

export const mergeBody = z
  .object({
    units: z.array(code).min(1).max(50).describe('The units that cease, e.g. two communes'),
    into: code.describe('The unit they become part of'),
    effectiveFrom: calendarDate.optional().describe('First day of the merged structure (YYYY-MM-DD, not after today); default today'),
  })
  .strict();

export function unitChangeRoutes(deps: AppDeps) {
  return new Hono()
    .use(requireStaff(deps, { roles: ['admin'] }))
    .get('/changes', async (c) => c.json(await listUnitChanges(deps.db)))
    .post('/merges', validate('json', mergeBody), async (c) => {
      const body = c.req.valid('json');
      const now = deps.clock();
      const outcome = await mergeUnits(deps.db, { units: body.units, into: body.into, effectiveFrom: body.effectiveFrom ?? vietnamDate(now), actor: staffOf(c).user.username, now });
      return c.json(outcome, 201);
    });
}

import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireStaff, staffOf } from '../auth/staff-auth';
import { HttpError } from '../http-error';
import { openLinkAnswer } from '../open-link/open-link-answer';
import { openLinkUrl } from '../open-link/open-link-view';
import { recordAudit } from '../repos/audit-log';
import { listOpenLinks, setOpenLink } from '../repos/open-links';
import { findUnit, listUnits } from '../repos/organisation';
import { validate } from '../validate';

export const openLinkUnitParam = z.object({ unit: z.string().min(1).max(64) }).strict();
export const openLinkBody = z.object({ enabled: z.boolean() }).strict();

/**
 * The open link of each unit: an address anyone may answer at (the agency's site, a poster). Off
 * for every unit until an admin turns it on; its answers are limited and counted apart.
 */
export function openLinkRoutes(deps: AppDeps) {
  const admins = requireStaff(deps, { roles: ['admin'] });
  return new Hono()
    .get('/', admins, async (c) => {
      const links = new Map((await listOpenLinks(deps.db)).map((l) => [l.unit_code, l]));
      const units = await listUnits(deps.db);
      return c.json(
        units.map((u) => {
          const link = links.get(u.code);
          return {
            unit: u.code,
            name: { vi: u.name_vi, en: u.name_en },
            parent: u.parent_code,
            enabled: link?.enabled === 1,
            url: openLinkUrl(deps.publicUrl, u.code),
            updatedBy: link?.updated_by ?? null,
            updatedAt: link?.updated_at ?? null,
          };
        }),
      );
    })
    .put('/:unit', admins, validate('param', openLinkUnitParam), validate('json', openLinkBody), async (c) => {
      const { unit } = c.req.valid('param');
      const { enabled } = c.req.valid('json');
      if (!(await findUnit(deps.db, unit))) throw new HttpError(404, 'unknown_unit', `No unit with code "${unit}"`);
      const actor = staffOf(c).user.username;
      const now = deps.clock();
      await deps.db.transaction().execute(async (trx) => {
        await setOpenLink(trx, unit, enabled, actor, now);
        await recordAudit(trx, { actor, action: enabled ? 'open-link.on' : 'open-link.off', target: unit }, now);
      });
      return c.json({ unit, enabled, url: openLinkUrl(deps.publicUrl, unit) });
    })
    // The page's own call: anyone, but only for a unit whose link is on.
    .get('/:unit', validate('param', openLinkUnitParam), async (c) => {
      return c.json(await openLinkAnswer(deps.db, c.req.valid('param').unit));
    });
}

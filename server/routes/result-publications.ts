import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import type { UnitRow } from '../db/tables/units';
import { requireStaff, staffOf } from '../auth/staff-auth';
import { HttpError } from '../http-error';
import { listUnits } from '../repos/organisation';
import { listPublications, publishUnitResults, withdrawUnitResults } from '../repos/result-publications';
import { clearResults } from '../public-results/results-cache';
import { validate } from '../validate';

export const publicationBody = z.object({ published: z.boolean() }).strict();

/** A counter with no units below it: one desk, usually one official. */
const isDesk = (units: readonly UnitRow[], unit: UnitRow) => unit.kind === 'counter' && !units.some((u) => u.parent_code === unit.code);

/**
 * Which units' results appear at /ket-qua: admins opt units in one by one. A single counter (a
 * counter with no units below it) is usually one official's desk, so its results would be that
 * official's figures: it cannot be published. A one-stop department with several counters can.
 */
export const publicationUnitParam = z.object({ unit: z.string().min(1).max(64) }).strict();

export function resultPublicationRoutes(deps: AppDeps) {
  const list = async () => {
    const [units, publications] = await Promise.all([listUnits(deps.db), listPublications(deps.db)]);
    const publishable = (u: UnitRow) => !isDesk(units, u);
    return units.map((u) => {
      const p = publications.find((x) => x.unit_code === u.code);
      return { code: u.code, parent: u.parent_code, kind: u.kind, name: { vi: u.name_vi, en: u.name_en }, publishable: publishable(u), published: p !== undefined, publishedAt: p?.published_at ?? null, publishedBy: p?.published_by ?? null };
    });
  };
  return new Hono()
    .use(requireStaff(deps, { roles: ['admin'] }))
    .get('/', async (c) => c.json(await list()))
    .put('/:unit', validate('param', publicationUnitParam), validate('json', publicationBody), async (c) => {
      const code = c.req.valid('param').unit;
      const units = await listUnits(deps.db);
      const unit = units.find((u) => u.code === code);
      if (!unit) throw new HttpError(404, 'unknown_unit', `No unit with code "${code}"`);
      const { published } = c.req.valid('json');
      if (published && isDesk(units, unit)) throw new HttpError(409, 'counter_not_publishable', 'A single counter is one official\'s desk: publish the unit above it instead');
      const actor = staffOf(c).user.username;
      if (published) await publishUnitResults(deps.db, code, actor, deps.clock());
      else await withdrawUnitResults(deps.db, code, actor, deps.clock());
      clearResults(deps.db);
      return c.json(await list());
    });
}

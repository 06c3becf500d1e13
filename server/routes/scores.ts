import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { canSeeUnit } from '../auth/staff-scope';
import { requireStaff, staffOf } from '../auth/staff-auth';
import { HttpError } from '../http-error';
import { listOfficials, listProcedures, listUnits } from '../repos/organisation';
import { readTallies } from '../repos/score-counts';
import { readTargets, saveTargets } from '../repos/score-targets';
import { CHANNELS } from '../responses/response-body';
import { roundReport } from '../scoring/round-figures';
import { breakdownChoices } from '../scores/breakdowns';
import { computeScores, countFilterOf } from '../scores/compute-scores';
import { officialGuard } from '../scores/official-guard';
import { resolveScoreQuery, scoreQuery, scoreQueryFields } from '../scores/score-query';
import { latestSuggestions } from '../scores/suggestions';
import { invalid, validate } from '../validate';

export const suggestionsQuery = z.object({ ...scoreQueryFields, limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();
export const targetsQuery = z.object({ survey: z.string().min(1).max(64) }).strict();
export const targetsBody = z.object({ survey: z.string().min(1).max(64), targets: z.record(z.string().max(64), z.number().min(0).max(100)) }).strict();

/** Staff-scoped scores: a manager or viewer only ever gets figures of their own subtree. */
export function scoreRoutes(deps: AppDeps) {
  const survey = (id: string) => {
    const def = deps.surveys.get(id);
    if (!def) throw new HttpError(404, 'unknown_survey', `No questionnaire "${id}"`);
    return def;
  };
  return new Hono()
    .use(requireStaff(deps))
    .get('/', validate('query', scoreQuery), async (c) => {
      const r = await resolveScoreQuery(deps, staffOf(c).scope, c.req.valid('query'));
      return c.json(roundReport(await computeScores(r.src, r.filter, r.covered, r.specs, { service: r.service })));
    })
    .get('/options', async (c) => {
      const { scope } = staffOf(c);
      const units = (await listUnits(deps.db)).filter((u) => canSeeUnit(scope, u.code));
      const officials = (await listOfficials(deps.db)).filter((o) => canSeeUnit(scope, o.unit_code));
      return c.json({
        root: scope.root,
        units: units.map((u) => ({ code: u.code, parent: u.parent_code, name: { vi: u.name_vi, en: u.name_en } })),
        procedures: (await listProcedures(deps.db)).map((p) => ({ code: p.code, name: { vi: p.name_vi, en: p.name_en } })),
        officials: officials.map((o) => ({ code: o.code, unit: o.unit_code, name: o.full_name })),
        channels: CHANNELS,
        // A questionnaire whose every version is retired still has its past figures to show.
        surveys: deps.surveys.listLatest().map((d) => ({ id: d.id, breakdowns: breakdownChoices(d) })),
      });
    })
    .get('/suggestions', validate('query', suggestionsQuery), async (c) => {
      const { limit, ...query } = c.req.valid('query');
      const r = await resolveScoreQuery(deps, staffOf(c).scope, query);
      const counts = countFilterOf(r.filter, r.covered);
      if (r.filter.official !== undefined) {
        // One official's words are shown only where their figures are: people recognise words too.
        const guard = await officialGuard(deps.db, r.src.org.units, r.filter, r.src.now);
        const responses = (await readTallies(deps.db, counts)).groups.get('')?.responses ?? 0;
        const reason = guard.reason(r.filter.official, responses);
        if (reason) return c.json({ withheld: true, withheldReason: reason, suggestions: [] });
      }
      return c.json({ withheld: false, suggestions: await latestSuggestions(deps.reader, r.src.def, counts, limit) });
    })
    .get('/targets', validate('query', targetsQuery), async (c) => {
      const def = survey(c.req.valid('query').survey);
      return c.json({ survey: def.id, targets: await readTargets(deps.db, def.id, def.elements.map((e) => e.id)) });
    })
    .put('/targets', requireStaff(deps, { roles: ['admin'] }), validate('json', targetsBody), async (c) => {
      const body = c.req.valid('json');
      const def = survey(body.survey);
      const unknown = Object.keys(body.targets).filter((id) => !def.elements.some((e) => e.id === id));
      if (unknown.length) throw invalid(unknown.map((id) => ({ path: `targets.${id}`, code: 'unknown_element', message: `"${id}" is not an element of ${def.id}` })));
      await saveTargets(deps.db, def.id, body.targets, staffOf(c).user.username, deps.clock());
      return c.json({ survey: def.id, targets: await readTargets(deps.db, def.id, def.elements.map((e) => e.id)) });
    });
}

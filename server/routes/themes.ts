import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { canSeeUnit } from '../auth/staff-scope';
import { requireStaff, staffOf, type Staff } from '../auth/staff-auth';
import { HttpError } from '../http-error';
import { recordAudit } from '../repos/audit-log';
import { foldTallies } from '../tallies/fold-tallies';
import { readTallies } from '../repos/score-counts';
import { readLexicon, saveLexicon } from '../repos/theme-lexicon';
import { findThemeText, retagAll, setManualTheme, themesOfText } from '../repos/theme-texts';
import { countFilterOf } from '../scores/compute-scores';
import { officialGuard } from '../scores/official-guard';
import { resolveScoreQuery, scoreQueryFields } from '../scores/score-query';
import { datesInOrder } from '../dates/calendar-date';
import { themeLexicon } from '../themes/lexicon-schema';
import { themeReport } from '../themes/theme-report';
import { validate } from '../validate';

const { survey, from, to, unit, procedure, official, channel, includeFlagged, includeUnverified } = scoreQueryFields;
export const themesQuery = z
  .object({ survey, from, to, unit, procedure, official, channel, includeFlagged, includeUnverified })
  .strict()
  .refine(datesInOrder, { path: ['to'], message: 'must not be before from' });
export const lexiconBody = z.object({ lexicon: themeLexicon }).strict();
export const textParams = z.object({ id: z.string().uuid() });
export const textThemeParams = z.object({ id: z.string().uuid(), theme: z.string().min(1).max(40) });

/** Themes of free texts for staff within their units; the lexicon for admins. */
export function themeRoutes(deps: AppDeps) {
  // A text is staff's to see or change only within their units.
  const textInScope = async (staff: Staff, id: string) => {
    const text = await findThemeText(deps.db, id);
    if (!text || !canSeeUnit(staff.scope, text.unit_code)) throw new HttpError(404, 'unknown_text', 'No such text in your units');
    return text;
  };
  const chooseTheme = async (staff: Staff, params: z.infer<typeof textThemeParams>, present: boolean) => {
    const text = await textInScope(staff, params.id);
    const { lexicon } = await readLexicon(deps.db);
    if (!lexicon.themes.some((t) => t.id === params.theme)) throw new HttpError(404, 'unknown_theme', `No theme "${params.theme}" in the lexicon`);
    const now = deps.clock();
    await deps.db.transaction().execute(async (trx) => {
      await setManualTheme(trx, text.id, params.theme, present, staff.user.username, now);
      await recordAudit(trx, { actor: staff.user.username, action: present ? 'themes.text.add' : 'themes.text.remove', target: text.id, details: { theme: params.theme, unit: text.unit_code } }, now);
    });
    return { id: text.id, themes: await themesOfText(deps.db, text.id) };
  };

  return new Hono()
    .use(requireStaff(deps))
    .get('/', validate('query', themesQuery), async (c) => {
      const r = await resolveScoreQuery(deps, staffOf(c).scope, { ...c.req.valid('query'), by: [] });
      const counts = countFilterOf(r.filter, r.covered);
      let withheld = null;
      if (r.filter.official !== undefined) {
        // As for the suggestions: one official's words only where their figures are shown.
        const guard = await officialGuard(deps.db, r.src.org.units, r.filter, r.src.now);
        withheld = guard.reason(r.filter.official, (await readTallies(deps.db, counts)).groups.get('')?.responses ?? 0);
      }
      const { lexicon, revision } = await readLexicon(deps.reader);
      // The report reads the tallies on the read-only connection, which cannot fold them.
      await foldTallies(deps.db);
      return c.json({ surveyId: r.src.def.id, filter: r.filter, revision, ...(await themeReport(deps.reader, lexicon, counts, withheld)) });
    })
    .get('/lexicon', requireStaff(deps, { roles: ['admin'] }), async (c) => c.json(await readLexicon(deps.db)))
    .put('/lexicon', requireStaff(deps, { roles: ['admin'] }), validate('json', lexiconBody), async (c) => {
      const { lexicon } = c.req.valid('json');
      const { user } = staffOf(c);
      const now = deps.clock();
      // One transaction: no figure is ever read from a half re-tagged set of texts.
      const retagged = await deps.db.transaction().execute(async (trx) => {
        const revision = await saveLexicon(trx, lexicon, user.username, now);
        const read = await retagAll(trx, lexicon, now);
        const phrases = lexicon.themes.reduce((n, t) => n + t.phrases.length, 0);
        await recordAudit(trx, { actor: user.username, action: 'themes.lexicon', target: `revision ${revision}`, details: { themes: lexicon.themes.map((t) => t.id), phrases, retagged: read } }, now);
        return read;
      });
      return c.json({ ...(await readLexicon(deps.db)), retagged });
    })
    .get('/texts/:id', validate('param', textParams), async (c) => {
      const text = await textInScope(staffOf(c), c.req.valid('param').id);
      return c.json({ id: text.id, themes: await themesOfText(deps.db, text.id) });
    })
    .put('/texts/:id/themes/:theme', requireStaff(deps, { roles: ['admin', 'manager'] }), validate('param', textThemeParams), async (c) =>
      c.json(await chooseTheme(staffOf(c), c.req.valid('param'), true)),
    )
    .delete('/texts/:id/themes/:theme', requireStaff(deps, { roles: ['admin', 'manager'] }), validate('param', textThemeParams), async (c) =>
      c.json(await chooseTheme(staffOf(c), c.req.valid('param'), false)),
    );
}

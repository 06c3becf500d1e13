import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireStaff, staffOf, type StaffEnv } from '../auth/staff-auth';
import { reportPage } from '../exports/report/report-page';
import { HttpError } from '../http-error';
import { roundReport } from '../scoring/round-figures';
import { twelveMonthsEnding } from '../scoring/periods';
import { vietnamDate } from '../scoring/vietnam-time';
import { computeScores } from '../scores/compute-scores';
import { auditExport, exportContext } from '../scores/score-export';
import { resolveScoreQuery, scoreQueryFields } from '../scores/score-query';
import { validate } from '../validate';

export const reportQuery = z.object({ ...scoreQueryFields, lang: z.enum(['vi', 'en']).default('vi') }).strict();

/** The printable A4 report (/staff/report); its stylesheet and script are /static/report.css and .js. */
export function reportRoutes(deps: AppDeps) {
  const gate = requireStaff(deps);
  return new Hono<StaffEnv>()
    .get(
      '/report',
      async (c, next) => {
        // A page, not an API: someone not signed in is sent to the sign-in page.
        try {
          return await gate(c, next);
        } catch (error) {
          if (error instanceof HttpError && error.status === 401) return c.redirect('/staff');
          throw error;
        }
      },
      validate('query', reportQuery),
      async (c) => {
        const { lang, ...query } = c.req.valid('query');
        const staff = staffOf(c);
        const r = await resolveScoreQuery(deps, staff.scope, { ...query, by: ['unit', ...query.by.filter((b) => b !== 'unit')] });
        const { ctx } = await exportContext(r, deps.localesDir, lang, 'none');
        const now = deps.clock();
        const months = twelveMonthsEnding(r.filter.to ?? vietnamDate(now));
        const trend = roundReport(await computeScores(r.src, { ...r.filter, ...months }, r.covered, [{ by: 'month', kind: 'period' }], { service: false }));
        await auditExport(deps, staff.user.username, 'report', r.filter, query.by, now);
        c.header('Cache-Control', 'no-store');
        return c.html(reportPage(ctx, trend));
      },
    );
}

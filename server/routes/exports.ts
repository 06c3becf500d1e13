import { PassThrough, Readable } from 'node:stream';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireStaff, staffOf } from '../auth/staff-auth';
import { responsesCsv } from '../exports/responses-csv';
import { scoresWorkbookSheets } from '../exports/scores-workbook';
import { writeWorkbook } from '../exports/workbook-writer';
import { countFilterOf } from '../scores/compute-scores';
import { auditExport, exportContext, exportFileName } from '../scores/score-export';
import { resolveScoreQuery, scoreQueryFields } from '../scores/score-query';
import { validate } from '../validate';

export const scoreExportQuery = z.object({ ...scoreQueryFields, lang: z.enum(['vi', 'en']).default('vi') }).strict();

/** Downloads of the figures and the raw responses, within the staff member's units, each audited. */
export function exportRoutes(deps: AppDeps) {
  const attachment = (name: string) => `attachment; filename="${name}"`;
  return new Hono()
    .use(requireStaff(deps))
    .get('/responses.csv', validate('query', scoreExportQuery), async (c) => {
      const { lang: _lang, ...query } = c.req.valid('query');
      const staff = staffOf(c);
      const r = await resolveScoreQuery(deps, staff.scope, query);
      await auditExport(deps, staff.user.username, 'csv', r.filter, query.by, deps.clock());
      return c.body(responsesCsv(deps.reader, r.src.def, countFilterOf(r.filter, r.covered)), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachment(exportFileName(r.filter, 'csv')),
        'Cache-Control': 'no-store',
      });
    })
    .get('/scores.xlsx', validate('query', scoreExportQuery), async (c) => {
      const { lang, ...query } = c.req.valid('query');
      const staff = staffOf(c);
      const r = await resolveScoreQuery(deps, staff.scope, query);
      const { ctx, counts } = await exportContext(r, deps.localesDir, lang);
      await auditExport(deps, staff.user.username, 'xlsx', r.filter, query.by, deps.clock());
      const out = new PassThrough();
      writeWorkbook(out, scoresWorkbookSheets(ctx, deps.reader, counts)).catch((error: unknown) => {
        console.error('[sipas] XLSX export failed:', error);
        out.destroy(error as Error);
      });
      return c.body(Readable.toWeb(out) as ReadableStream<Uint8Array>, 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': attachment(exportFileName(r.filter, 'xlsx')),
        'Cache-Control': 'no-store',
      });
    });
}

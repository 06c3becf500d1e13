import { PassThrough, Readable } from 'node:stream';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireStaff, staffOf } from '../auth/staff-auth';
import { responsesCsv } from '../exports/responses-csv';
import { rawRowsFor } from '../exports/raw-rows';
import { HttpError } from '../http-error';
import { countFilterOf } from '../scores/compute-scores';
import { auditExport, exportContext, exportFileName } from '../scores/score-export';
import { resolveScoreQuery, scoreQueryFields } from '../scores/score-query';
import { validate } from '../validate';

export const scoreExportQuery = z
  .object({
    ...scoreQueryFields,
    lang: z.enum(['vi', 'en']).default('vi'),
    /** 1: each response with its official and exact time (admins only; audited). */
    detail: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
  })
  .strict();

/** Downloads of the figures and the raw responses, within the staff member's units, each audited. */
export function exportRoutes(deps: AppDeps) {
  const attachment = (name: string) => `attachment; filename="${name}"`;
  return new Hono()
    .use(requireStaff(deps))
    .get('/responses.csv', validate('query', scoreExportQuery), async (c) => {
      const { lang: _lang, detail, ...query } = c.req.valid('query');
      const staff = staffOf(c);
      const rows = rawRowsFor({ admin: staff.user.role === 'admin', detail, official: query.official });
      if (rows === 'none') throw new HttpError(403, 'official_filter_admin_only', 'The responses of one official are exported only for an admin who asks for the detail (detail=1)');
      const r = await resolveScoreQuery(deps, staff.scope, query);
      await auditExport(deps, staff.user.username, 'csv', r.filter, query.by, deps.clock(), rows);
      return c.body(responsesCsv(deps.reader, r.src.def, countFilterOf(r.filter, r.covered), rows), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachment(exportFileName(r.filter, 'csv', deps.clock())),
        'Cache-Control': 'no-store',
      });
    })
    .get('/scores.xlsx', validate('query', scoreExportQuery), async (c) => {
      const { lang, detail, ...query } = c.req.valid('query');
      const staff = staffOf(c);
      const rows = rawRowsFor({ admin: staff.user.role === 'admin', detail, official: query.official });
      const r = await resolveScoreQuery(deps, staff.scope, query);
      const { ctx, counts } = await exportContext(r, deps.localesDir, lang, rows);
      await auditExport(deps, staff.user.username, 'xlsx', r.filter, query.by, deps.clock(), rows);
      // Loaded on the first workbook: exceljs and the sheets are some 27 MB a server need not hold
      // until someone downloads one (the CSV and everything else do without).
      const [{ scoresWorkbookSheets }, { writeWorkbook }] = await Promise.all([import('../exports/scores-workbook'), import('../exports/workbook-writer')]);
      const out = new PassThrough();
      writeWorkbook(out, scoresWorkbookSheets(ctx, deps.reader, counts)).catch((error: unknown) => {
        console.error('[sipas] XLSX export failed:', error);
        out.destroy(error as Error);
      });
      return c.body(Readable.toWeb(out) as ReadableStream<Uint8Array>, 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': attachment(exportFileName(r.filter, 'xlsx', deps.clock())),
        'Cache-Control': 'no-store',
      });
    });
}

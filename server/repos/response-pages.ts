// Reads stored responses page by page in time order (keyset on submitted_at, id), so exports and
// scans of millions of rows keep memory flat and never hold a long transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { rowArrays } from '../db/sqlite-reader';
import type { ResponseRow } from '../db/tables/responses';
import { addDays, startOfVietnamDate } from '../scoring/vietnam-time';
import { spanFilters, type CountFilter } from './score-counts';
import { isVerified, PROOFS } from '../responses/proof';

const VERIFIED_PROOFS = Object.values(PROOFS).filter(isVerified);

export interface ResponseCursor {
  submittedAt: string;
  id: string;
}

export interface PageOptions {
  after?: ResponseCursor;
  limit: number;
  /** Newest first (for the latest suggestions); oldest first otherwise. */
  newestFirst?: boolean;
}

/** One page of the responses matching the filter, after the cursor. */
export async function responsePage(db: Kysely<Database>, f: CountFilter, page: PageOptions): Promise<ResponseRow[]> {
  const q = pageQuery(db, f, page);
  return q ? q.selectAll().execute() : [];
}

/**
 * The fields an export writes (response-columns.ts): reading only these leaves the hash, the
 * device and the receipt time in the database, fewer strings made for every row.
 */
export const EXPORT_FIELDS = ['id', 'submitted_at', 'local_date', 'survey_version', 'unit_code', 'procedure_code', 'official_code', 'channel', 'flagged', 'answers'] as const;
export type ExportRow = Pick<ResponseRow, (typeof EXPORT_FIELDS)[number]>;

/**
 * One page of the responses matching the filter, after the cursor, with the export's fields only;
 * from SQLite's reader thread as arrays, made into rows here (db/sqlite-reader.ts, rowArrays).
 */
export async function exportPage(db: Kysely<Database>, f: CountFilter, page: PageOptions): Promise<ExportRow[]> {
  const q = pageQuery(db, f, page);
  if (!q) return [];
  const query = q.select(EXPORT_FIELDS).compile();
  const arrays = await rowArrays(db, query);
  return arrays ? arrays.map(exportRowOf) : (await db.executeQuery<ExportRow>(query)).rows;
}

/** The export's row of the values of EXPORT_FIELDS, in that order: one literal, one shape for every row. */
function exportRowOf(values: unknown[]): ExportRow {
  const v = values as [string, string, string, number, string, string, string, string, number, string];
  return { id: v[0], submitted_at: v[1], local_date: v[2], survey_version: v[3], unit_code: v[4], procedure_code: v[5], official_code: v[6], channel: v[7], flagged: v[8], answers: v[9] };
}

function pageQuery(db: Kysely<Database>, f: CountFilter, page: PageOptions) {
  if (f.units && f.units.length === 0 && !f.spans) return undefined;
  let q = db.selectFrom('responses').where('survey_id', '=', f.surveyId);
  // Vietnam dates become instants so the (survey_id, submitted_at, id) index serves filter and order.
  if (f.from) q = q.where('submitted_at', '>=', startOfVietnamDate(f.from).toISOString());
  if (f.to) q = q.where('submitted_at', '<', startOfVietnamDate(addDays(f.to, 1)).toISOString());
  if (f.spans) {
    // Each stretch of an organisation change with the units covered then (see score-counts.ts).
    const spans = spanFilters(f);
    if (!spans.length) return undefined;
    q = q.where((eb) =>
      eb.or(
        spans.map((s) => {
          const parts = [eb('unit_code', 'in', s.units!.length ? [...s.units!] : ['\u0000none'])];
          if (s.from) parts.push(eb('submitted_at', '>=', startOfVietnamDate(s.from).toISOString()));
          if (s.to) parts.push(eb('submitted_at', '<', startOfVietnamDate(addDays(s.to, 1)).toISOString()));
          return eb.and(parts);
        }),
      ),
    );
  } else if (f.units) q = q.where('unit_code', 'in', [...f.units]);
  if (f.procedure !== undefined) q = q.where('procedure_code', '=', f.procedure);
  if (f.official !== undefined) q = q.where('official_code', '=', f.official);
  if (f.channel !== undefined) q = q.where('channel', '=', f.channel);
  if (!f.includeFlagged) q = q.where('flagged', '=', 0);
  if (!f.includeUnverified) q = q.where('proof', 'in', VERIFIED_PROOFS);
  const { after } = page;
  if (after) {
    q = q.where((eb) => eb(eb.refTuple('submitted_at', 'id'), page.newestFirst ? '<' : '>', eb.tuple(after.submittedAt, after.id)));
  }
  const direction = page.newestFirst ? 'desc' : 'asc';
  return q.orderBy('submitted_at', direction).orderBy('id', direction).limit(page.limit);
}

/** Calls `visit` with every matching response, oldest first, reading `pageSize` at a time. */
export function forEachResponsePage(db: Kysely<Database>, f: CountFilter, visit: (rows: ResponseRow[]) => Promise<void> | void, pageSize = 2000): Promise<void> {
  return forEachPage(responsePage, db, f, visit, pageSize);
}

/** forEachResponsePage with the export's fields only. */
export function forEachExportPage(db: Kysely<Database>, f: CountFilter, visit: (rows: ExportRow[]) => Promise<void> | void, pageSize = 2000): Promise<void> {
  return forEachPage(exportPage, db, f, visit, pageSize);
}

async function forEachPage<Row extends ExportRow>(
  read: (db: Kysely<Database>, f: CountFilter, page: PageOptions) => Promise<Row[]>,
  db: Kysely<Database>,
  f: CountFilter,
  visit: (rows: Row[]) => Promise<void> | void,
  pageSize: number,
): Promise<void> {
  for await (const rows of pagesReadAhead(read, db, f, pageSize)) await visit(rows);
}

/** Every page of the export's fields, oldest first, each read while the one before is used. */
export function exportPages(db: Kysely<Database>, f: CountFilter, pageSize: number): AsyncGenerator<ExportRow[]> {
  return pagesReadAhead(exportPage, db, f, pageSize);
}

/**
 * The pages of `read`, oldest first, each asked for before the one before is handed on, so that
 * it is read while that one is being used: on SQLite by the reader's own thread
 * (db/sqlite-reader.ts), on PostgreSQL by the database. An export takes about as long as the
 * slower of reading and writing instead of both.
 */
async function* pagesReadAhead<Row extends ExportRow>(
  read: (db: Kysely<Database>, f: CountFilter, page: PageOptions) => Promise<Row[]>,
  db: Kysely<Database>,
  f: CountFilter,
  pageSize: number,
): AsyncGenerator<Row[]> {
  let next: Promise<Row[]> | undefined = read(db, f, { limit: pageSize });
  while (next) {
    const rows: Row[] = await next;
    const last = rows[rows.length - 1];
    next = last && rows.length === pageSize ? read(db, f, { after: { submittedAt: last.submitted_at, id: last.id }, limit: pageSize }) : undefined;
    // Should the caller stop at this page, the failure of the one read ahead is nobody's to report.
    next?.catch(() => {});
    // Kysely sends a statement only after a few awaits: let it leave before this page is worked on.
    await new Promise(setImmediate);
    if (rows.length) yield rows;
  }
}

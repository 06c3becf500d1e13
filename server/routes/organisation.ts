// The organisation from the staff page: read it, add or change one unit, procedure or official, or
// bring in a whole workbook (previewed first). Admins change everything; a manager only the units
// at and below their own. Every change goes through changeOrganisation, as the command line's.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireStaff, staffOf, type StaffEnv } from '../auth/staff-auth';
import { calendarDate } from '../dates/calendar-date';
import { HttpError } from '../http-error';
import { changeOrganisation, PlanChangedError, type BuildChange } from '../organisation/change-organisation';
import type { OfficialEntry, ProcedureEntry, Refusal, UnitEntry } from '../organisation/entries';
import { addEntry, editEntry, UnknownEntryError } from '../organisation/entry-change';
import { describeRefusal, importOrganisation } from '../organisation/import-organisation';
import { layoutOf, UNIT_KINDS, type ListName } from '../organisation/layout';
import { organisationWorkbook, TEMPLATE_EXAMPLE } from '../organisation/organisation-workbook';
import { scopedState } from '../organisation/organisation-scope';
import { CODE } from '../organisation/parse-list';
import { countPlan, type PlanItem } from '../organisation/plan-organisation';
import { readStoredOrganisation } from '../organisation/stored-organisation';
import { recordAudit } from '../repos/audit-log';
import { listUnits } from '../repos/organisation';
import { surveyChoices } from '../surveys/survey-choices';
import { unitSurveyView } from './unit-surveys';
import { vietnamDate } from '../scoring/vietnam-time';
import { invalid, validate } from '../validate';

/** The largest workbook or CSV the upload takes (an office's lists are far smaller). */
export const ORGANISATION_FILE_LIMIT = 2 * 1024 * 1024;
/** Where the upload is served: the app's general body limit leaves it to the route's own. */
export const ORGANISATION_IMPORT_PATH = '/api/staff/organisation/import';

const MANAGERS = ['admin', 'manager'] as const;

const code = z.string().regex(CODE, 'letters, digits and . _ - (at most 32)');
const name = z.string().trim().min(1).max(300);
const optionalName = z.string().trim().max(300);
const order = z.number().int().min(0).max(100_000);
const handlingDays = z.number().int().min(0).max(3650).nullable();

export const codeParam = z.object({ code });

export const unitAddBody = z
  .object({ code, nameVi: name, nameEn: optionalName.optional(), kind: z.enum(UNIT_KINDS), parent: code.nullable(), order: order.optional() })
  .strict();
export const unitEditBody = z
  .object({
    nameVi: name, nameEn: name, kind: z.enum(UNIT_KINDS), parent: code.nullable(), order, active: z.boolean(),
    /** From when a new parent applies (a Vietnam calendar date, not in the future); default today. */
    effectiveFrom: calendarDate,
  })
  .partial()
  .strict();
export const procedureAddBody = z
  .object({ code, nameVi: name, nameEn: optionalName.optional(), fieldVi: name, fieldEn: optionalName.optional(), unit: code, handlingDays: handlingDays.optional() })
  .strict();
export const procedureEditBody = z
  .object({ nameVi: name, nameEn: name, fieldVi: name, fieldEn: name, unit: code, handlingDays, active: z.boolean() })
  .partial()
  .strict();
export const officialAddBody = z.object({ code, fullName: name, unit: code, counter: code.nullable().optional() }).strict();
export const officialEditBody = z.object({ fullName: name, unit: code, counter: code.nullable(), active: z.boolean() }).partial().strict();

export const importQuery = z
  .object({
    dryRun: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
    /** The file's name when the body is the file itself (not multipart): its ending says .xlsx or .csv. */
    fileName: z.string().min(1).max(200).optional(),
    /** The planHash of the preview: applying refuses (409) when the plan is no longer that one. */
    planHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .strict();

export function organisationRoutes(deps: AppDeps) {
  const staffGate = requireStaff(deps, { roles: MANAGERS });
  /** Runs one change as the signed-in person, answering 400 with the refusals or 403 for rows outside their units. */
  const change = async (c: Context<StaffEnv>, build: BuildChange, source: string, effectiveFrom?: string) => {
    const { user, scope } = staffOf(c);
    const outcome = await run(() => changeOrganisation(deps.db, build, { dryRun: false, actor: user.username, now: deps.clock(), source, scope, effectiveFrom }));
    if (!outcome.ok) throw refused(outcome.refusals, true);
    return { changed: outcome.applied, items: outcome.plan.map(itemView) };
  };
  const today = () => vietnamDate(deps.clock());

  return new Hono<StaffEnv>()
    .get('/', staffGate, async (c) => {
      const { scope, user } = staffOf(c);
      const [stored, unitRows] = await Promise.all([readStoredOrganisation(deps.db), listUnits(deps.db)]);
      const state = scopedState(stored, scope);
      const rows = new Map(unitRows.map((u) => [u.code, u]));
      const surveyOf = (code: string) => (rows.has(code) ? unitSurveyView(rows, rows.get(code)!) : { survey: null, asks: null });
      return c.json({
        root: scope.units === null ? null : scope.root,
        canAddTop: user.role === 'admin',
        units: state.units.map((u) => ({ code: u.code, nameVi: u.name_vi, nameEn: u.name_en, kind: u.kind, parent: u.parent, order: u.order, active: u.active, ...surveyOf(u.code) })),
        surveys: surveyChoices(deps.surveys),
        procedures: state.procedures.map((p) => ({
          code: p.code, nameVi: p.name_vi, nameEn: p.name_en, fieldVi: p.field_vi, fieldEn: p.field_en, unit: p.unit, handlingDays: p.handling_days, active: p.active,
        })),
        officials: state.officials.map((o) => ({ code: o.code, fullName: o.full_name, unit: o.unit, counter: o.counter, active: o.active })),
      });
    })
    .post('/units', staffGate, validate('json', unitAddBody), async (c) => {
      const b = c.req.valid('json');
      const entry: UnitEntry = { code: b.code, name_vi: b.nameVi, name_en: b.nameEn || b.nameVi, kind: b.kind, parent: b.parent, order: b.order ?? 0, active: true };
      return c.json(await change(c, addEntry('units', entry), source('units', b.code)), 201);
    })
    .patch('/units/:code', staffGate, validate('param', codeParam), validate('json', unitEditBody), async (c) => {
      const { code: unit } = c.req.valid('param');
      const { effectiveFrom, ...b } = c.req.valid('json');
      if (effectiveFrom && effectiveFrom > today()) throw invalid([{ path: 'effectiveFrom', code: 'in_future', message: 'effectiveFrom is after today (Vietnam time)' }]);
      const fields = defined<Partial<UnitEntry>>({ name_vi: b.nameVi, name_en: b.nameEn, kind: b.kind, parent: b.parent, order: b.order, active: b.active });
      return c.json(await change(c, editEntry('units', unit, fields), source('units', unit), effectiveFrom ?? today()));
    })
    .post('/procedures', staffGate, validate('json', procedureAddBody), async (c) => {
      const b = c.req.valid('json');
      const entry: ProcedureEntry = {
        code: b.code, name_vi: b.nameVi, name_en: b.nameEn || b.nameVi, field_vi: b.fieldVi, field_en: b.fieldEn || b.fieldVi, unit: b.unit, handling_days: b.handlingDays ?? null, active: true,
      };
      return c.json(await change(c, addEntry('procedures', entry), source('procedures', b.code)), 201);
    })
    .patch('/procedures/:code', staffGate, validate('param', codeParam), validate('json', procedureEditBody), async (c) => {
      const { code: procedure } = c.req.valid('param');
      const b = c.req.valid('json');
      const fields = defined<Partial<ProcedureEntry>>({
        name_vi: b.nameVi, name_en: b.nameEn, field_vi: b.fieldVi, field_en: b.fieldEn, unit: b.unit, handling_days: b.handlingDays, active: b.active,
      });
      return c.json(await change(c, editEntry('procedures', procedure, fields), source('procedures', procedure)));
    })
    .post('/officials', staffGate, validate('json', officialAddBody), async (c) => {
      const b = c.req.valid('json');
      const entry: OfficialEntry = { code: b.code, full_name: b.fullName, unit: b.unit, counter: b.counter ?? null, active: true };
      return c.json(await change(c, addEntry('officials', entry), source('officials', b.code)), 201);
    })
    .patch('/officials/:code', staffGate, validate('param', codeParam), validate('json', officialEditBody), async (c) => {
      const { code: official } = c.req.valid('param');
      const b = c.req.valid('json');
      const fields = defined<Partial<OfficialEntry>>({ full_name: b.fullName, unit: b.unit, counter: b.counter, active: b.active });
      return c.json(await change(c, editEntry('officials', official, fields), source('officials', official)));
    })
    .post(
      '/import',
      staffGate,
      bodyLimit({ maxSize: ORGANISATION_FILE_LIMIT, onError: () => { throw new HttpError(413, 'payload_too_large', `The file is larger than ${ORGANISATION_FILE_LIMIT / 1024 / 1024} MB`); } }),
      validate('query', importQuery),
      async (c) => {
        const { dryRun, fileName, planHash } = c.req.valid('query');
        const { user, scope } = staffOf(c);
        const file = await uploadedFile(c, fileName);
        const outcome = await run(() => importOrganisation(deps.db, file.bytes, file.name, { dryRun, actor: user.username, now: deps.clock(), scope, expectedPlan: planHash }));
        if (!outcome.ok) throw refused(outcome.refusals, false);
        return c.json({ fileName: file.name, applied: outcome.applied, planHash: outcome.hash, counts: countPlan(outcome.plan), lists: outcome.lists, items: outcome.plan.map(itemView) });
      },
    )
    .get('/template.xlsx', staffGate, async (c) => xlsx(c, await organisationWorkbook(TEMPLATE_EXAMPLE), 'mau-to-chuc.xlsx'))
    .get('/export.xlsx', staffGate, async (c) => {
      const { user, scope } = staffOf(c);
      const state = scopedState(await readStoredOrganisation(deps.db), scope);
      const counts = { units: state.units.length, procedures: state.procedures.length, officials: state.officials.length };
      await recordAudit(deps.db, { actor: user.username, action: 'organisation.export', target: 'export.xlsx', details: counts }, deps.clock());
      return xlsx(c, await organisationWorkbook(state), `to-chuc-${vietnamDate(deps.clock())}.xlsx`);
    });
}

/** The plan item as the page shows it: what, which code and name, the fields that change, the sheet line. */
function itemView(i: PlanItem) {
  const names = i.list === 'officials' ? { nameVi: i.entry.full_name, nameEn: i.entry.full_name } : { nameVi: i.entry.name_vi, nameEn: i.entry.name_en };
  return { list: i.list, action: i.action, code: i.entry.code, ...names, fields: i.fields, line: i.line };
}

/** 400 with every refusal, each with its sheet and line; a one-entry change outside one's units is 403. */
function refused(refusals: Refusal[], oneEntry: boolean): HttpError {
  const outside = refusals.find((r) => r.reason === 'out_of_scope');
  if (oneEntry && outside) return new HttpError(403, 'unit_out_of_scope', `${outside.params?.code ?? 'That'} is outside your units`);
  const listed = refusals.map((r) => ({ list: r.list, sheet: r.list ? layoutOf(r.list).sheet : null, line: r.line, reason: r.reason, message: r.message, params: r.params ?? {} }));
  return new HttpError(400, 'organisation_refused', `Refused, nothing was stored: ${refusals.map(describeRefusal).join('; ')}`, undefined, { refusals: listed });
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PlanChangedError) throw new HttpError(409, 'plan_changed', error.message);
    if (error instanceof UnknownEntryError) {
      const codes = { units: 'unknown_unit', procedures: 'unknown_procedure', officials: 'unknown_official' } as const;
      throw new HttpError(404, codes[error.list], error.message);
    }
    throw error;
  }
}

const source = (list: ListName, code: string) => `staff page: ${list} ${code}`;

/** Only the fields the request named (undefined: left as stored). */
function defined<T extends object>(fields: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}

/** The uploaded file: the "file" part of a multipart form, or the body itself named by ?fileName=. */
async function uploadedFile(c: Context, fileName: string | undefined): Promise<{ bytes: Uint8Array; name: string }> {
  const missing = () => invalid([{ path: 'file', code: 'missing_required', message: 'Send the workbook or CSV as the "file" part of a multipart form, or as the body with ?fileName=' }]);
  if (/^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw missing();
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || fileName || 'to-chuc.xlsx' };
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (!bytes.length || !fileName) throw missing();
  return { bytes, name: fileName };
}

function xlsx(c: Context, bytes: Buffer, fileName: string) {
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'no-store',
  });
}

import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireStaff, staffOf } from '../auth/staff-auth';
import { canSeeUnit } from '../auth/staff-scope';
import { HttpError } from '../http-error';
import { dossierFigures } from '../repos/dossier-counts';
import { findProcedure, listUnits } from '../repos/organisation';
import { PERIODS } from '../scoring/dossier-figures';
import { subtreeCodes } from '../scoring/unit-tree';
import { vietnamDate } from '../scoring/vietnam-time';
import { calendarDate } from '../dates/calendar-date';
import { invalid, validate } from '../validate';

export const dossierFiguresQuery = z
  .object({
    unit: z.string().min(1).max(64).optional().describe('A unit (with the units below it); default: the caller\'s own'),
    procedure: z.string().min(1).max(64).optional(),
    from: calendarDate.optional().describe('First Vietnam date of return; default 1 January of `to`\'s year'),
    to: calendarDate.optional().describe('Last Vietnam date of return; default today'),
    period: z.enum(PERIODS).default('month'),
  })
  .strict();

/** On-time share and Decision 766 handling satisfaction, for staff within their units. */
export function dossierFigureRoutes(deps: AppDeps) {
  return new Hono().get('/', requireStaff(deps), validate('query', dossierFiguresQuery), async (c) => {
    const { scope } = staffOf(c);
    const query = c.req.valid('query');
    const to = query.to ?? vietnamDate(deps.clock());
    const from = query.from ?? `${to.slice(0, 4)}-01-01`;
    const units = await listUnits(deps.db);
    const unit = query.unit ?? scope.root;
    const issues = [];
    if (from > to) issues.push({ path: 'from', code: 'after_to', message: 'from is after to' });
    if (unit && !units.some((u) => u.code === unit)) issues.push({ path: 'unit', code: 'unknown_unit', message: `No unit with code "${unit}"` });
    if (query.procedure && !(await findProcedure(deps.db, query.procedure))) issues.push({ path: 'procedure', code: 'unknown_procedure', message: `No procedure with code "${query.procedure}"` });
    if (issues.length) throw invalid(issues);
    if (unit ? !canSeeUnit(scope, unit) : scope.units !== null) throw new HttpError(403, 'unit_not_allowed', `You may not see unit "${unit ?? '(all)'}"`);
    const today = vietnamDate(deps.clock());
    const figures = await dossierFigures(deps.db, { unit: unit ?? null, units: unit ? subtreeCodes(units, unit) : null, procedure: query.procedure, from, to, period: query.period }, { units, today });
    return c.json({ unit, procedure: query.procedure ?? null, from, to, period: query.period, ...figures });
  });
}

// Figures, settings and the CSV export of feedback handling, for staff.
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';
import { requireStaff, staffOf, type StaffEnv } from '../auth/staff-auth';
import { openContact } from '../feedback/contact-cipher';
import { exportQuery, figuresQuery, settingsBody } from '../feedback/feedback-body';
import { feedbackCsv } from '../feedback/feedback-csv';
import { unitsFor } from '../feedback/unit-filter';
import { HttpError } from '../http-error';
import { recordAudit } from '../repos/audit-log';
import { feedbackFigures } from '../repos/feedback-figures';
import { listForExport } from '../repos/feedback-lists';
import { getFeedbackSettings, saveFeedbackSettings } from '../repos/feedback-settings';
import { vietnamDate } from '../scoring/vietnam-time';
import { validate } from '../validate';

/** Without dates: from the first of January of this year to today. */
function range(from: string | undefined, to: string | undefined, now: Date): { from: string; to: string } {
  const end = to ?? vietnamDate(now);
  const start = from ?? `${end.slice(0, 4)}-01-01`;
  if (start > end) throw new HttpError(400, 'invalid_range', '`from` must not be after `to`');
  return { from: start, to: end };
}

export function feedbackReportRoutes(deps: AppDeps) {
  return new Hono<StaffEnv>()
    .get('/figures', requireStaff(deps), validate('query', figuresQuery), async (c) => {
      const q = c.req.valid('query');
      const now = deps.clock();
      const units = await unitsFor(deps.db, staffOf(c).scope, q.unit);
      return c.json(await feedbackFigures(deps.reader, { units, ...range(q.from, q.to, now), period: q.period, asOf: now }));
    })
    .get('/settings', requireStaff(deps), async (c) => c.json(await getFeedbackSettings(deps.db)))
    .put('/settings', requireStaff(deps, { roles: ['admin'] }), validate('json', settingsBody), async (c) => {
      const settings = c.req.valid('json');
      const normalized = { handlingDays: settings.handlingDays, holidays: [...new Set(settings.holidays)].sort() };
      await saveFeedbackSettings(deps.db, normalized, staffOf(c).user.username, deps.clock());
      return c.json(normalized);
    })
    .get('/export.csv', requireStaff(deps), validate('query', exportQuery), async (c) => {
      const q = c.req.valid('query');
      const { user, scope } = staffOf(c);
      const withContact = q.includeContact === '1';
      if (withContact && user.role !== 'admin') throw new HttpError(403, 'forbidden', 'Only admins may export contact details');
      const now = deps.clock();
      const { from, to } = range(q.from, q.to, now);
      const rows = await listForExport(deps.reader, { units: await unitsFor(deps.db, scope, q.unit), from, to });
      const csv = feedbackCsv(rows, withContact ? (i) => openContact(deps.secret, i.id, i.contact_sealed!) ?? '(unreadable)' : undefined);
      await recordAudit(deps.db, { actor: user.username, action: 'feedback.export', target: q.unit ?? '(all)', details: { from, to, includeContact: withContact, rows: rows.length } }, now);
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="gop-y-${from}-${to}.csv"`,
        'Cache-Control': 'no-store',
      });
    });
}

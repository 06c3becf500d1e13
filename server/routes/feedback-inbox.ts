// The staff inbox: items of the staff member's units, and what managers do with them.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireStaff, staffOf, type StaffEnv } from '../auth/staff-auth';
import { canSeeUnit } from '../auth/staff-scope';
import { assignBody, inboxQuery, noteBody, publicationBody, replyBody, statusBody } from '../feedback/feedback-body';
import { revealContact } from '../feedback/feedback-contact';
import { detailView, inboxView } from '../feedback/feedback-views';
import { assignItem, canReadContact, moveItem, saveNote, saveReply, setPublication, visibleItem, type Handler } from '../feedback/handle-feedback';
import { normalizeTrackingCode, trackingCodeHash } from '../feedback/tracking-code';
import { unitsFor } from '../feedback/unit-filter';
import { listFeedbackEvents } from '../repos/feedback-items';
import { listInbox } from '../repos/feedback-lists';
import { listOfficials } from '../repos/organisation';
import { vietnamDate } from '../scoring/vietnam-time';
import { validate } from '../validate';
import type { Context } from 'hono';

export const feedbackIdParam = z.object({ id: z.uuid() });

export function feedbackInboxRoutes(deps: AppDeps) {
  const anyStaff = requireStaff(deps);
  const handlers = requireStaff(deps, { roles: ['admin', 'manager'] });
  const handlerOf = (c: Context<StaffEnv>): Handler => {
    const { user, scope } = staffOf(c);
    return { username: user.username, role: user.role, scope };
  };
  // Every change answers with the item as it now is, so the page needs no second request.
  const detail = async (c: Context<StaffEnv>, id: string) => {
    const handler = handlerOf(c);
    const item = await visibleItem(deps.db, handler, id);
    const events = await listFeedbackEvents(deps.db, item.id);
    return c.json(detailView(item, events, vietnamDate(deps.clock()), canReadContact(handler, item)));
  };

  return new Hono<StaffEnv>()
    .get('/items', anyStaff, validate('query', inboxQuery), async (c) => {
      const q = c.req.valid('query');
      const { scope } = staffOf(c);
      const today = vietnamDate(deps.clock());
      const code = q.code ? normalizeTrackingCode(q.code) : undefined;
      const { rows, total } = await listInbox(deps.db, {
        scope: scope.units ? [...scope.units] : null,
        units: q.unit ? ((await unitsFor(deps.db, scope, q.unit)) ?? undefined) : undefined,
        status: q.status,
        kind: q.kind,
        overdueOn: q.overdue === '1' ? today : undefined,
        // A mistyped code finds nothing rather than everything.
        codeHash: q.code ? trackingCodeHash(deps.secret, code ?? '-') : undefined,
        limit: q.limit,
        offset: q.offset,
      });
      return c.json({ items: rows.map((r) => inboxView(r, today)), total, today });
    })
    .get('/officials', anyStaff, async (c) => {
      const { scope } = staffOf(c);
      const officials = (await listOfficials(deps.db)).filter((o) => o.active && canSeeUnit(scope, o.unit_code));
      return c.json(officials.map((o) => ({ code: o.code, name: o.full_name, unit: o.unit_code })));
    })
    .get('/items/:id', anyStaff, validate('param', feedbackIdParam), (c) => detail(c, c.req.valid('param').id))
    .get('/items/:id/contact', handlers, validate('param', feedbackIdParam), async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await revealContact(deps.db, deps.secret, handlerOf(c), c.req.valid('param').id, deps.clock()));
    })
    .post('/items/:id/assign', handlers, validate('param', feedbackIdParam), validate('json', assignBody), async (c) => {
      const { id } = c.req.valid('param');
      await assignItem(deps.db, handlerOf(c), id, c.req.valid('json'), deps.clock());
      return detail(c, id);
    })
    .post('/items/:id/status', handlers, validate('param', feedbackIdParam), validate('json', statusBody), async (c) => {
      const { id } = c.req.valid('param');
      await moveItem(deps.db, handlerOf(c), id, c.req.valid('json').to, deps.clock());
      return detail(c, id);
    })
    .put('/items/:id/note', handlers, validate('param', feedbackIdParam), validate('json', noteBody), async (c) => {
      const { id } = c.req.valid('param');
      await saveNote(deps.db, handlerOf(c), id, c.req.valid('json').note, deps.clock());
      return detail(c, id);
    })
    .put('/items/:id/reply', handlers, validate('param', feedbackIdParam), validate('json', replyBody), async (c) => {
      const { id } = c.req.valid('param');
      await saveReply(deps.db, handlerOf(c), id, c.req.valid('json').reply, deps.clock());
      return detail(c, id);
    })
    .put('/items/:id/publication', handlers, validate('param', feedbackIdParam), validate('json', publicationBody), async (c) => {
      const { id } = c.req.valid('param');
      await setPublication(deps.db, handlerOf(c), id, c.req.valid('json'), deps.clock());
      return detail(c, id);
    });
}

import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireInviter, type InviterEnv } from '../auth/inviter-auth';
import { canSeeUnit } from '../auth/staff-scope';
import { HttpError } from '../http-error';
import { toInvitationView } from '../invitations/invitation-view';
import { pageStrings } from '../page-strings';
import { findInvitations } from '../repos/invitations';
import { renderSlipPage, SLIP_LAYOUTS, type SlipLayout } from '../slips/slip-page';
import { validate } from '../validate';
import { invitationIdParam } from './invitations';

const MAX_BATCH = 120;
const layout = z.enum(SLIP_LAYOUTS).default('thermal').describe('thermal (80 mm roll), a5 (one per sheet) or a4 (six per sheet)');
export const slipQuery = z.object({ layout, print: z.enum(['1']).optional().describe('1: open the print dialog at once') }).strict();
export const batchSlipQuery = z
  .object({
    ids: z
      .string()
      .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
      .pipe(z.array(z.uuid()).min(1).max(MAX_BATCH))
      .describe(`Invitation ids separated by commas (at most ${MAX_BATCH})`),
    layout: layout.unwrap().default('a4'),
    print: z.enum(['1']).optional(),
  })
  .strict();

/** The print pages: /slips/:id for one slip, /slips?ids=a,b,c for a batch. */
export function slipRoutes(deps: AppDeps) {
  const t = pageStrings(deps.localesDir, 'vi');
  const viewContext = { db: deps.db, secret: deps.secret, publicUrl: deps.publicUrl };

  async function render(ids: string[], chosen: SlipLayout, scope: InviterEnv['Variables']['inviter']['scope'], selfUrl: (l: SlipLayout) => string) {
    const rows = await findInvitations(deps.db, ids);
    const visible = rows.filter((r) => canSeeUnit(scope, r.unit_code));
    if (visible.length !== ids.length) throw new HttpError(404, 'unknown_invitation', 'Some invitations do not exist in your units');
    const byId = new Map(visible.map((r) => [r.id, r]));
    const views = await Promise.all(ids.map((id) => toInvitationView(viewContext, byId.get(id)!, 'existing')));
    return renderSlipPage(views, chosen, t, selfUrl);
  }

  return new Hono<InviterEnv>()
    .use(requireInviter(deps))
    .get('/', validate('query', batchSlipQuery), async (c) => {
      const { ids, layout: chosen } = c.req.valid('query');
      const page = await render(ids, chosen, c.get('inviter').scope, (l) => `/slips?ids=${ids.join(',')}&layout=${l}`);
      c.header('Cache-Control', 'no-store');
      return c.html(page);
    })
    .get('/:id', validate('param', invitationIdParam), validate('query', slipQuery), async (c) => {
      const { id } = c.req.valid('param');
      const page = await render([id], c.req.valid('query').layout, c.get('inviter').scope, (l) => `/slips/${id}?layout=${l}`);
      c.header('Cache-Control', 'no-store');
      return c.html(page);
    });
}

// What anyone may do without signing in: send an item, follow it by its code, read what was
// published.
import { Hono, type Context } from 'hono';
import { bodySizeLimit } from '../body-size-limit';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { clientAddressKey } from '../client-address';
import { feedbackBody, publicListQuery, trackingCodeParam } from '../feedback/feedback-body';
import { FEEDBACK_KINDS, FEEDBACK_LIMITS } from '../feedback/feedback-rules';
import { publicView, trackingView } from '../feedback/feedback-views';
import { HANDLING_RATINGS, rateHandling } from '../feedback/rate-handling';
import { sendFeedback } from '../feedback/send-feedback';
import { normalizeTrackingCode, trackingCodeHash } from '../feedback/tracking-code';
import { HttpError } from '../http-error';
import { findFeedbackItem, findFeedbackItemByCode } from '../repos/feedback-items';
import { listPublished } from '../repos/feedback-lists';
import { getFeedbackSettings } from '../repos/feedback-settings';
import { listProcedures, listUnits } from '../repos/organisation';
import { releaseAttempt, reserveAttempt, type RateLimit } from '../repos/rate-limits';
import { subtreeCodes } from '../scoring/unit-tree';
import { validate } from '../validate';

/** The sender's rating of how their item was handled. */
export const ratingBody = z.object({ rating: z.enum(HANDLING_RATINGS) }).strict();

/** 4000 characters of Vietnamese, each escaped as \uXXXX at worst, plus the envelope. */
export const FEEDBACK_BODY_LIMIT = 32 * 1024;
/** Unknown tracking codes one address may try in a window (codes hold 80 random bits). */
export const LOOKUP_LIMIT: RateLimit = { bucket: 'feedback-lookup', limit: 20, windowMs: 15 * 60_000 };

export function feedbackPublicRoutes(deps: AppDeps) {
  const tooLarge = () => new HttpError(413, 'payload_too_large', `The request body is larger than ${FEEDBACK_BODY_LIMIT / 1024} KB`);
  const noCache = { 'Cache-Control': 'no-store' };
  /** The item behind a tracking code; unknown codes count against the address's lookup limit. */
  const tracked = async (c: Context) => {
    const now = deps.clock();
    const code = normalizeTrackingCode(c.req.param('code') ?? '');
    if (!code) throw new HttpError(404, 'unknown_code', 'No item has this tracking code; check it and try again');
    // Counted before the lookup, so a burst cannot slip past; a right code gives it back.
    const rules = [[LOOKUP_LIMIT, clientAddressKey(c, deps)]] as const;
    const reserved = await reserveAttempt(deps.db, rules, now);
    if (!reserved.ok) {
      c.header('Retry-After', String(reserved.retryAfterSeconds));
      throw new HttpError(429, 'too_many_lookups', 'Too many unknown codes were tried from here; wait 15 minutes');
    }
    const item = await findFeedbackItemByCode(deps.db, trackingCodeHash(deps.secret, code));
    if (!item) throw new HttpError(404, 'unknown_code', 'No item has this tracking code; check it and try again');
    await releaseAttempt(deps.db, rules, now);
    return { item, code };
  };
  return new Hono()
    .get('/form', async (c) => {
      const [units, procedures, settings] = await Promise.all([listUnits(deps.db), listProcedures(deps.db), getFeedbackSettings(deps.db)]);
      c.header('Cache-Control', 'no-cache');
      return c.json({
        kinds: FEEDBACK_KINDS,
        limits: FEEDBACK_LIMITS,
        /** The promise the form makes: an answer within this many working days. */
        handlingDays: settings.handlingDays,
        units: units.map((u) => ({ code: u.code, parent: u.parent_code, name: { vi: u.name_vi, en: u.name_en } })),
        procedures: procedures.map((p) => ({ code: p.code, unit: p.unit_code, name: { vi: p.name_vi, en: p.name_en }, field: { vi: p.field_vi, en: p.field_en } })),
      });
    })
    .post('/', bodySizeLimit(FEEDBACK_BODY_LIMIT, () => { throw tooLarge(); }), validate('json', feedbackBody), async (c) => {
      const body = c.req.valid('json');
      const now = deps.clock();
      const sent = await sendFeedback({ db: deps.db, secret: deps.secret, now, addressKey: clientAddressKey(c, deps) }, body);
      if (sent.status === 'limited') {
        c.header('Retry-After', String(sent.retryAfterSeconds));
        throw new HttpError(429, 'too_many_items', 'Too many items were sent from here; please try again later');
      }
      const answer = { ...sent, trackUrl: `${deps.publicUrl}/gop-y/${sent.code}` };
      return c.json(answer, sent.status === 'created' ? 201 : 200, noCache);
    })
    .get('/track/:code', validate('param', trackingCodeParam), async (c) => {
      const { item, code } = await tracked(c);
      return c.json(trackingView(item, code), 200, noCache);
    })
    .post('/track/:code/rating', validate('param', trackingCodeParam), validate('json', ratingBody), async (c) => {
      const { item, code } = await tracked(c);
      await rateHandling(deps.db, item, c.req.valid('json').rating, deps.clock());
      return c.json(trackingView((await findFeedbackItem(deps.db, item.id))!, code), 200, noCache);
    })
    .get('/qr/:code', validate('param', trackingCodeParam), async (c) => {
      // A picture of the tracking address, for a phone to scan off the kiosk screen; no lookup.
      const code = normalizeTrackingCode(c.req.valid('param').code);
      if (!code) throw new HttpError(404, 'unknown_code', 'Not a tracking code');
      const svg = await QRCode.toString(`${deps.publicUrl}/gop-y/${code}`, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
      return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', ...noCache });
    })
    .get('/public', validate('query', publicListQuery), async (c) => {
      const { unit, limit, offset } = c.req.valid('query');
      const units = unit ? subtreeCodes(await listUnits(deps.db), unit) : undefined;
      const rows = await listPublished(deps.db, { units, limit: limit + 1, offset });
      c.header('Cache-Control', 'no-cache');
      return c.json({ items: rows.slice(0, limit).map((r) => publicView(r, deps.secret)), more: rows.length > limit });
    });
}

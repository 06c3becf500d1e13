// Receiving one item from a citizen: checked, limited per address and per device, stored once
// with its first event and its due date, and answered with its tracking code.
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { HttpError, type ErrorIssue } from '../http-error';
import { findProcedure, findUnit } from '../repos/organisation';
import { findFeedbackItem, insertFeedbackItem } from '../repos/feedback-items';
import { feedbackText, storeTexts } from '../repos/theme-texts';
import { getFeedbackSettings } from '../repos/feedback-settings';
import { consumeRateLimit, type RateLimit } from '../repos/rate-limits';
import { addWorkingDays } from '../scoring/working-days';
import { vietnamDate } from '../scoring/vietnam-time';
import { canonicalJson } from '../util/canonical-json';
import { invalid } from '../validate';
import { encryptContact } from './contact-cipher';
import { parseContact } from './contact-format';
import type { FeedbackBody } from './feedback-body';
import { trackingCode, trackingCodeHash } from './tracking-code';

const HOUR = 3_600_000;
/**
 * Items one address, and one device, may send in an hour. A whole office behind one address (its
 * kiosks, people on its Wi-Fi) shares the first; one phone or kiosk tab is held to the second.
 */
export const SEND_LIMITS = {
  address: { bucket: 'feedback-address', limit: 30, windowMs: HOUR },
  device: { bucket: 'feedback-device', limit: 10, windowMs: HOUR },
} satisfies Record<string, RateLimit>;

export interface SendContext {
  db: Kysely<Database>;
  secret: Buffer;
  now: Date;
  /** Keyed hash of the sender's address. */
  addressKey: string;
}

export type Sent =
  | { status: 'created' | 'replayed'; id: string; code: string; dueDate: string }
  | { status: 'limited'; retryAfterSeconds: number };

class Limited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('rate limited');
  }
}

/** Stores a new item, recognises a resend, or reports a rate limit; throws HttpError 400 or 409 otherwise. */
export async function sendFeedback(ctx: SendContext, body: FeedbackBody): Promise<Sent> {
  const issues: ErrorIssue[] = [];
  if (!(await findUnit(ctx.db, body.unit))) issues.push({ path: 'unit', code: 'unknown_unit', message: `No unit with code "${body.unit}"` });
  if (body.procedure && !(await findProcedure(ctx.db, body.procedure))) {
    issues.push({ path: 'procedure', code: 'unknown_procedure', message: `No procedure with code "${body.procedure}"` });
  }
  if (issues.length) throw invalid(issues);

  const id = body.id.toLowerCase();
  const contact = body.contact?.trim() ? parseContact(body.contact) : undefined;
  const content = { kind: body.kind, unit: body.unit, procedure: body.procedure ?? '', text: body.text, contact: contact?.value ?? '', channel: body.channel };
  // Keyed, because the content holds a phone number, which alone would be easy to guess from a hash.
  const contentHash = createHmac('sha256', ctx.secret).update(canonicalJson(content)).digest('hex');
  const code = trackingCode(ctx.secret, id);
  const deviceKey = createHmac('sha256', ctx.secret).update(`device:${body.device}`).digest('hex').slice(0, 32);

  const stored = (row: { content_hash: string; due_date: string }) => {
    if (row.content_hash !== contentHash) throw new HttpError(409, 'conflict', `A different item is already stored under id ${id}`);
    return { status: 'replayed' as const, id, code, dueDate: row.due_date };
  };
  const known = await findFeedbackItem(ctx.db, id);
  if (known) return stored(known);

  try {
    return await ctx.db.transaction().execute(async (trx) => {
      for (const [rule, subject] of [[SEND_LIMITS.device, deviceKey], [SEND_LIMITS.address, ctx.addressKey]] as const) {
        const verdict = await consumeRateLimit(trx, rule, subject, ctx.now);
        if (!verdict.allowed) throw new Limited(verdict.retryAfterSeconds);
      }
      const settings = await getFeedbackSettings(trx);
      const localDate = vietnamDate(ctx.now);
      const dueDate = addWorkingDays(localDate, settings.handlingDays, new Set(settings.holidays));
      const at = ctx.now.toISOString();
      const row = {
        id,
        code_hash: trackingCodeHash(ctx.secret, code),
        content_hash: contentHash,
        kind: body.kind,
        channel: body.channel,
        unit_code: body.unit,
        procedure_code: body.procedure ?? '',
        text: body.text,
        contact_sealed: contact ? encryptContact(ctx.secret, id, contact.value) : null,
        contact_kind: contact?.kind ?? null,
        status: 'received',
        received_at: at,
        local_date: localDate,
        due_date: dueDate,
        updated_at: at,
      };
      const inserted = await insertFeedbackItem(
        trx,
        row,
        { actor: 'citizen', action: 'received', toStatus: 'received', details: { channel: body.channel, dueDate, handlingDays: settings.handlingDays } },
        ctx.now,
      );
      // Lost a race with the same item sent twice at once: answer as for a resend.
      if (!inserted) return stored((await findFeedbackItem(trx, id))!);
      await storeTexts(trx, [feedbackText(row)], ctx.now);
      return { status: 'created' as const, id, code, dueDate };
    });
  } catch (error) {
    // Thrown inside the transaction so that nothing of the refused item is kept.
    if (error instanceof Limited) return { status: 'limited', retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
}

// Retention: what an admin set, and the expiry itself. Raw responses older than the cutoff are
// deleted and the free texts of responses and feedback items are blanked; the aggregate counts,
// the feedback items' figures and the texts' themes stay (an item still being handled keeps its text), so every index and trend stays as it was.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { retentionCutoff } from '../scoring/retention-cutoff';
import { vietnamDate } from '../scoring/vietnam-time';
import { recordAudit } from './audit-log';

const SETTINGS_ID = 1;
const CHUNK = 1000;

export interface RetentionSettings {
  /** null: keep. */
  responseDays: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export async function readRetention(db: Kysely<Database>): Promise<RetentionSettings> {
  const row = await db.selectFrom('retention_settings').selectAll().where('id', '=', SETTINGS_ID).executeTakeFirst();
  return row ? { responseDays: row.response_days === null ? null : Number(row.response_days), updatedAt: row.updated_at, updatedBy: row.updated_by } : { responseDays: null, updatedAt: null, updatedBy: null };
}

export async function saveRetention(db: Kysely<Database>, responseDays: number | null, by: string, now: Date): Promise<void> {
  const values = { response_days: responseDays, updated_at: now.toISOString(), updated_by: by };
  await db.insertInto('retention_settings').values({ id: SETTINGS_ID, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
}

export interface PurgeOutcome {
  cutoff: string | null;
  responses: number;
  texts: number;
  feedbackTexts: number;
}

/** Deletes and blanks what has expired at `now`, a chunk per transaction, and audits what it did. */
export async function purgeExpired(db: Kysely<Database>, now: Date): Promise<PurgeOutcome> {
  const cutoff = retentionCutoff(vietnamDate(now), (await readRetention(db)).responseDays);
  const out: PurgeOutcome = { cutoff, responses: 0, texts: 0, feedbackTexts: 0 };
  if (cutoff === null) return out;
  for (;;) {
    const ids = (await db.selectFrom('responses').select('id').where('local_date', '<', cutoff).limit(CHUNK).execute()).map((r) => r.id);
    if (!ids.length) break;
    out.responses += Number((await db.deleteFrom('responses').where('id', 'in', ids).executeTakeFirst()).numDeletedRows);
  }
  // Texts are blanked, not deleted: their themes keep counting in the figures of their period.
  out.texts = Number((await db.updateTable('theme_texts').set({ text: '' }).where('local_date', '<', cutoff).where('text', '!=', '').executeTakeFirst()).numUpdatedRows);
  out.feedbackTexts = Number(
    (await db.updateTable('feedback_items').set({ text: '', reply: '', internal_note: '', redactions: '[]' }).where('local_date', '<', cutoff).where('status', 'in', ['answered', 'closed']).where('text', '!=', '').executeTakeFirst()).numUpdatedRows,
  );
  if (out.responses || out.texts || out.feedbackTexts) await recordAudit(db, { actor: 'system', action: 'retention.purge', target: `before ${cutoff}`, details: { ...out } }, now);
  return out;
}

/** Runs the expiry once per Vietnam day across every app server: the one that claims the day does it. */
export async function purgeOncePerDay(db: Kysely<Database>, now: Date): Promise<PurgeOutcome | null> {
  // Nothing set: the day stays unclaimed, so a period set later today is applied today.
  if ((await readRetention(db)).responseDays === null) return null;
  const claimed = await db.insertInto('retention_runs').values({ run_date: vietnamDate(now), started_at: now.toISOString() }).onConflict((oc) => oc.column('run_date').doNothing()).returning('run_date').execute();
  return claimed.length ? purgeExpired(db, now) : null;
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { DEFAULT_HANDLING_DAYS } from '../feedback/feedback-rules';
import { recordAudit } from './audit-log';

export interface FeedbackSettings {
  /** Working days from receipt to the due date of an answer. */
  handlingDays: number;
  /** Public holidays (YYYY-MM-DD) skipped like weekends. */
  holidays: string[];
}

const DEFAULTS: FeedbackSettings = { handlingDays: DEFAULT_HANDLING_DAYS, holidays: [] };

export async function getFeedbackSettings(db: Kysely<Database>): Promise<FeedbackSettings> {
  const rows = await db.selectFrom('feedback_settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return {
    handlingDays: typeof stored.handlingDays === 'number' ? stored.handlingDays : DEFAULTS.handlingDays,
    holidays: Array.isArray(stored.holidays) ? (stored.holidays as string[]) : DEFAULTS.holidays,
  };
}

/** Saves the settings and audits the change; applies to items received from now on. */
export async function saveFeedbackSettings(db: Kysely<Database>, settings: FeedbackSettings, actor: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(settings)) {
      const row = { key, value: JSON.stringify(value), updated_at: now.toISOString(), updated_by: actor };
      await trx
        .insertInto('feedback_settings')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at, updated_by: row.updated_by }))
        .execute();
    }
    await recordAudit(trx, { actor, action: 'feedback.settings', target: 'feedback', details: { ...settings } }, now);
  });
}

import { CompiledQuery, PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { KioskDeviceRow, NewKioskDeviceRow } from '../db/tables/kiosk-devices';

export async function insertDevice(db: Kysely<Database>, device: NewKioskDeviceRow): Promise<void> {
  await db.insertInto('kiosk_devices').values(device).execute();
}

export async function findDevice(db: Kysely<Database>, id: string): Promise<KioskDeviceRow | undefined> {
  return db.selectFrom('kiosk_devices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A device with the questionnaire setting its unit inherits (null: none up the tree sets one). */
export type DeviceWithUnitSurvey = KioskDeviceRow & { unit_survey_id: string | null; unit_survey_parts: string | null };

/**
 * The device holding a credential, with its unit's inherited questionnaire setting read in the
 * same statement: answers check the parts asked without another round trip.
 */
export async function findDeviceByCredential(db: Kysely<Database>, hash: string): Promise<DeviceWithUnitSurvey | undefined> {
  const nearest = (column: 'survey_id' | 'survey_parts') =>
    sql<string | null>`(select ${sql.ref(`up.${column}`)} from up where up.survey_id is not null order by up.depth limit 1)`;
  return db
    .withRecursive('up(code, parent_code, survey_id, survey_parts, depth)', (qb) =>
      qb
        .selectFrom('units')
        .innerJoin('kiosk_devices', 'kiosk_devices.unit_code', 'units.code')
        .select(['units.code', 'units.parent_code', 'units.survey_id', 'units.survey_parts', sql<number>`0`.as('depth')])
        .where('kiosk_devices.credential_hash', '=', hash)
        .unionAll((q) =>
          q
            .selectFrom('units')
            .innerJoin('up', 'up.parent_code', 'units.code')
            .select(['units.code', 'units.parent_code', 'units.survey_id', 'units.survey_parts', sql<number>`up.depth + 1`.as('depth')])
            .where('up.depth', '<', 64),
        ),
    )
    .selectFrom('kiosk_devices')
    .selectAll('kiosk_devices')
    .select([nearest('survey_id').as('unit_survey_id'), nearest('survey_parts').as('unit_survey_parts')])
    .where('credential_hash', '=', hash)
    .executeTakeFirst();
}

export async function listDevices(db: Kysely<Database>): Promise<KioskDeviceRow[]> {
  return db.selectFrom('kiosk_devices').selectAll().orderBy('unit_code').orderBy('name').orderBy('id').execute();
}

type DeviceChanges = Partial<Omit<KioskDeviceRow, 'id' | 'created_at' | 'created_by' | 'unit_code' | 'official_code'>>;

export async function updateDevice(db: Kysely<Database>, id: string, changes: DeviceChanges): Promise<void> {
  await db.updateTable('kiosk_devices').set(changes).where('id', '=', id).execute();
}

/**
 * Uses a pending enrolment code: in one statement, so two tablets racing with the same code
 * cannot both win. Returns the device, or undefined for an unknown, used or expired code.
 */
export async function claimEnrolment(db: Kysely<Database>, codeHash: string, newCredentialHash: string, now: Date): Promise<KioskDeviceRow | undefined> {
  return db
    .updateTable('kiosk_devices')
    .set({ credential_hash: newCredentialHash, enrol_code_hash: null, enrol_expires_at: null, enrolled_at: now.toISOString(), last_seen_at: now.toISOString() })
    .where('enrol_code_hash', '=', codeHash)
    .where('revoked_at', 'is', null)
    .where('enrol_expires_at', '>', now.toISOString())
    .returningAll()
    .executeTakeFirst();
}

/** Notes that the device is alive and how many answers it holds. */
export async function recordHeartbeat(db: Kysely<Database>, id: string, queued: number, now: Date): Promise<void> {
  await db.updateTable('kiosk_devices').set({ last_seen_at: now.toISOString(), queued }).where('id', '=', id).execute();
}

export interface DeviceSubmission {
  previousSubmittedAt: string | null;
  repeatSeconds: number;
  revoked: boolean;
}

/** The latest submission of one device in a batch, and the time it arrived. */
export interface DeviceSubmissionNote {
  id: string;
  submittedAt: string;
  seenAt: string;
}

/**
 * Notes submissions on their device rows, one statement for a whole batch, and returns per device
 * what stood there before (`previousSubmittedAt` is the latest submittedAt before this batch).
 * The UPDATE both reads and writes, and on PostgreSQL it locks the rows (in id order, so two
 * servers storing for the same devices cannot deadlock) until the storing transaction ends, so
 * concurrent submissions from one device, even through several app servers, see each other.
 * Written as SQL: Kysely builds no UPDATE … FROM (VALUES …).
 */
export async function recordDeviceSubmissions(trx: Kysely<Database>, notes: readonly DeviceSubmissionNote[]): Promise<Map<string, DeviceSubmission>> {
  const seen = new Map<string, DeviceSubmission>();
  if (!notes.length) return seen;
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  const sorted = [...notes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const params: string[] = [];
  const p = (value: string) => (params.push(value), postgres ? `$${params.length}` : '?');
  const values = sorted.map((n) => `(${p(n.id)}, ${p(n.submittedAt)}, ${p(n.seenAt)})`).join(', ');
  const ids = postgres ? sorted.map((n) => p(n.id)).join(', ') : '';
  const text =
    (postgres ? `with locked as (select id from kiosk_devices where id in (${ids}) order by id for update) ` : '') +
    'update kiosk_devices set previous_submitted_at = last_submitted_at, ' +
    'last_submitted_at = case when last_submitted_at is null or last_submitted_at < v.column2 then v.column2 else last_submitted_at end, ' +
    `last_seen_at = v.column3 from (values ${values}) as v where kiosk_devices.id = v.column1` +
    (postgres ? ' and kiosk_devices.id in (select id from locked)' : '') +
    ' returning kiosk_devices.id, kiosk_devices.previous_submitted_at, kiosk_devices.repeat_seconds, kiosk_devices.revoked_at';
  const { rows } = await trx.executeQuery<{ id: string; previous_submitted_at: string | null; repeat_seconds: number; revoked_at: string | null }>(CompiledQuery.raw(text, params));
  for (const row of rows) seen.set(row.id, { previousSubmittedAt: row.previous_submitted_at, repeatSeconds: Number(row.repeat_seconds), revoked: row.revoked_at !== null });
  return seen;
}

export interface DeviceCounts {
  today: number;
  flaggedToday: number;
  total: number;
  flaggedTotal: number;
}

/** Stored responses per device, today (Vietnam date) and in all, with how many were flagged. */
export async function countDeviceResponses(db: Kysely<Database>, ids: string[], today: string): Promise<Map<string, DeviceCounts>> {
  const counts = new Map<string, DeviceCounts>(ids.map((id) => [id, { today: 0, flaggedToday: 0, total: 0, flaggedTotal: 0 }]));
  if (!ids.length) return counts;
  const grouped = (onlyToday: boolean) => {
    let q = db
      .selectFrom('responses')
      .select((eb) => ['device_id', 'flagged', eb.fn.countAll<number>().as('n')])
      .where('device_id', 'in', ids)
      .groupBy(['device_id', 'flagged']);
    if (onlyToday) q = q.where('local_date', '=', today);
    return q.execute();
  };
  const [all, ofToday] = await Promise.all([grouped(false), grouped(true)]);
  for (const row of all) {
    const c = counts.get(row.device_id)!;
    c.total += Number(row.n);
    if (row.flagged) c.flaggedTotal += Number(row.n);
  }
  for (const row of ofToday) {
    const c = counts.get(row.device_id)!;
    c.today += Number(row.n);
    if (row.flagged) c.flaggedToday += Number(row.n);
  }
  return counts;
}

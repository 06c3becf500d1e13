// What the submit path looks up for every answer (the organisation's codes, the kiosk device
// behind a credential, the retention setting), kept in memory per database handle instead of read
// on each request. A snapshot is tagged with the lookup generation it was read at; the batch
// transaction reads the generation again (one query per batch, see storeResponses) and refuses
// a response checked against an older snapshot, which the route then checks again against a
// fresh one. Triggers move the generation on every change (migration
// 2026-12-01-52-lookup-generation), so a unit retired or a device revoked on one app server is
// refused on every other at its next answer.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { DeviceWithUnitSurvey } from '../repos/kiosk-devices';
import type { KnownCodes } from '../repos/organisation';
import type { Refusal } from '../repos/responses';
import { readRetention } from '../repos/retention';

/** The refusal of a response checked against a snapshot older than the database's generation. */
export const STALE_LOOKUPS = 'stale_lookups';
export const staleLookups: Refusal = { code: STALE_LOOKUPS, message: 'The organisation or the devices changed while the response was checked' };

export interface Lookups {
  generation: number;
  knownCodes(codes: { unit?: string; procedure?: string; official?: string }): KnownCodes;
  /** Whether the unit was merged into another from a day after `date` (see repos/unit-changes). */
  mergedAfter(unit: string, date: string): boolean;
  /** The retention setting's days; null: keep. */
  responseDays: number | null;
  /** The device with its unit's questionnaire setting (the nearest unit up that has one), as findDeviceByCredential reads it. */
  deviceByCredentialHash(hash: string): DeviceWithUnitSurvey | undefined;
}

export async function readLookupGeneration(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('lookup_generation').select('n').where('id', '=', 1).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Deeper than any real tree; the same bound as officialUnitChain's recursive query. */
const MAX_DEPTH = 64;

async function loadLookups(db: Kysely<Database>): Promise<Lookups> {
  // The generation is read first: a change made while the tables are read moves it past this one,
  // so the snapshot is at worst newer than its tag, never older.
  const generation = await readLookupGeneration(db);
  const [units, procedures, officials, merges, retention, devices] = await Promise.all([
    db.selectFrom('units').select(['code', 'parent_code', 'active', 'survey_id', 'survey_parts']).execute(),
    db.selectFrom('procedures').select(['code', 'active']).execute(),
    db.selectFrom('officials').select(['code', 'unit_code', 'active']).execute(),
    db.selectFrom('unit_changes').select(['unit_code', 'effective_from']).where('kind', '=', 'merge').execute(),
    readRetention(db),
    db.selectFrom('kiosk_devices').selectAll().where('credential_hash', 'is not', null).execute(),
  ]);
  const unitOf = new Map(units.map((u) => [u.code, u]));
  const procedureOf = new Map(procedures.map((p) => [p.code, p]));
  const officialOf = new Map(officials.map((o) => [o.code, o]));
  const lastMerge = new Map<string, string>();
  for (const m of merges) if ((lastMerge.get(m.unit_code) ?? '') < m.effective_from) lastMerge.set(m.unit_code, m.effective_from);
  const chainOf = (unitCode: string) => {
    const chain: string[] = [];
    for (let unit = unitOf.get(unitCode); unit && chain.length <= MAX_DEPTH; unit = unit.parent_code === null ? undefined : unitOf.get(unit.parent_code)) chain.push(unit.code);
    return chain;
  };
  const unitSurvey = (unitCode: string) => {
    const nearest = chainOf(unitCode).map((code) => unitOf.get(code)!).find((u) => u.survey_id !== null);
    return { unit_survey_id: nearest?.survey_id ?? null, unit_survey_parts: nearest?.survey_parts ?? null };
  };
  const deviceOf = new Map(devices.map((d) => [d.credential_hash!, { ...d, ...unitSurvey(d.unit_code) }]));
  const isRetired = (row: { active: unknown } | undefined) => row !== undefined && Number(row.active) === 0;
  return {
    generation,
    knownCodes(codes) {
      const unit = codes.unit ? unitOf.get(codes.unit) : undefined;
      const procedure = codes.procedure ? procedureOf.get(codes.procedure) : undefined;
      const official = codes.official ? officialOf.get(codes.official) : undefined;
      return {
        unit: unit !== undefined,
        procedure: procedure !== undefined,
        official: official !== undefined,
        officialUnits: official ? chainOf(official.unit_code) : [],
        retired: { unit: isRetired(unit), procedure: isRetired(procedure), official: isRetired(official) },
      };
    },
    mergedAfter: (unit, date) => (lastMerge.get(unit) ?? '') > date,
    responseDays: retention.responseDays,
    deviceByCredentialHash: (hash) => deviceOf.get(hash),
  };
}

/** One snapshot per database handle, read again once a batch has found it out of date. */
export class LookupCache {
  private snapshot: Promise<Lookups> | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  current(): Promise<Lookups> {
    if (!this.snapshot) {
      const loading = loadLookups(this.db);
      this.snapshot = loading;
      loading.catch(() => {
        if (this.snapshot === loading) this.snapshot = undefined;
      });
    }
    return this.snapshot;
  }

  /** Forgets the snapshot of that generation (a batch found the database past it). */
  async outdated(generation: number): Promise<void> {
    const snapshot = this.snapshot;
    if (snapshot && (await snapshot.catch(() => undefined))?.generation === generation && this.snapshot === snapshot) this.snapshot = undefined;
  }
}

const caches = new WeakMap<Kysely<Database>, LookupCache>();

export function lookupCache(db: Kysely<Database>): LookupCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new LookupCache(db)));
  return cache;
}

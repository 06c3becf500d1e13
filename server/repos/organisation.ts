import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { NewOfficialRow, OfficialRow } from '../db/tables/officials';
import type { NewProcedureRow, ProcedureRow } from '../db/tables/procedures';
import type { NewUnitRow, UnitRow } from '../db/tables/units';

export async function listUnits(db: Kysely<Database>): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('sort_order').orderBy('code').execute();
}

export async function listProcedures(db: Kysely<Database>): Promise<ProcedureRow[]> {
  return db.selectFrom('procedures').selectAll().orderBy('code').execute();
}

export async function listOfficials(db: Kysely<Database>): Promise<OfficialRow[]> {
  return db.selectFrom('officials').selectAll().orderBy('code').execute();
}

export async function findUnit(db: Kysely<Database>, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findProcedure(db: Kysely<Database>, code: string): Promise<ProcedureRow | undefined> {
  return db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findOfficial(db: Kysely<Database>, code: string): Promise<OfficialRow | undefined> {
  return db.selectFrom('officials').selectAll().where('code', '=', code).executeTakeFirst();
}

export interface KnownCodes {
  unit: boolean;
  procedure: boolean;
  official: boolean;
  /** The official's unit and every unit above it, nearest first; [] when the official is unknown. */
  officialUnits: string[];
  /** Which of those that exist are retired (they keep their past responses but take no new ones). */
  retired: { unit: boolean; procedure: boolean; official: boolean };
}

/** Which of the given unit, procedure and official codes exist, and where the official sits, in one round trip. */
export async function knownCodes(db: Kysely<Database>, codes: { unit?: string; procedure?: string; official?: string }): Promise<KnownCodes> {
  const none = { unit: false, procedure: false, official: false };
  if (!codes.unit && !codes.procedure && !codes.official) return { ...none, officialUnits: [], retired: none };
  // Each column is the entry's active flag, or null when there is no such code.
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('units').select('active').where('code', '=', codes.unit ?? '').as('unit'),
      eb.selectFrom('procedures').select('active').where('code', '=', codes.procedure ?? '').as('procedure'),
      eb.selectFrom('officials').select('active').where('code', '=', codes.official ?? '').as('official'),
    ])
    .executeTakeFirstOrThrow();
  const officialUnits = row.official !== null ? await officialUnitChain(db, codes.official!) : [];
  const isRetired = (active: unknown) => active !== null && Number(active) === 0;
  const retired = { unit: isRetired(row.unit), procedure: isRetired(row.procedure), official: isRetired(row.official) };
  return { unit: row.unit !== null, procedure: row.procedure !== null, official: row.official !== null, officialUnits, retired };
}

/** The unit of an official and every unit above it, nearest first. */
export async function officialUnitChain(db: Kysely<Database>, official: string): Promise<string[]> {
  const rows = await db
    .withRecursive('up(code, parent_code, depth)', (qb) =>
      qb
        .selectFrom('officials')
        .innerJoin('units', 'units.code', 'officials.unit_code')
        .select(['units.code', 'units.parent_code', sql<number>`0`.as('depth')])
        .where('officials.code', '=', official)
        .unionAll((q) => q.selectFrom('units').innerJoin('up', 'up.parent_code', 'units.code').select(['units.code', 'units.parent_code', sql<number>`up.depth + 1`.as('depth')]).where('up.depth', '<', 64)),
    )
    .selectFrom('up')
    .select('code')
    .orderBy('depth')
    .execute();
  return rows.map((r) => r.code);
}

/** Whether an official belongs to a unit or one of the units below it. */
export async function officialBelongsTo(db: Kysely<Database>, official: string, unit: string): Promise<boolean> {
  return (await officialUnitChain(db, official)).includes(unit);
}

export async function countUnits(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface Organisation {
  units: NewUnitRow[];
  procedures: NewProcedureRow[];
  officials: NewOfficialRow[];
}

/** Inserts an organisation in one transaction; units must list parents before children. */
export async function insertOrganisation(db: Kysely<Database>, org: Organisation): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const unit of org.units) await trx.insertInto('units').values(unit).execute();
    if (org.procedures.length) await trx.insertInto('procedures').values(org.procedures).execute();
    if (org.officials.length) await trx.insertInto('officials').values(org.officials).execute();
  });
}

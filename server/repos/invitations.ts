import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { InvitationRow, NewInvitationRow } from '../db/tables/invitations';

/** Inserts an invitation unless its dossier, token or code exists; returns whether it did. */
export async function insertInvitation(trx: Kysely<Database>, row: NewInvitationRow): Promise<boolean> {
  const inserted = await trx.insertInto('invitations').values(row).onConflict((oc) => oc.doNothing()).returning('id').execute();
  return inserted.length === 1;
}

export async function findInvitation(db: Kysely<Database>, id: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findInvitations(db: Kysely<Database>, ids: readonly string[]): Promise<InvitationRow[]> {
  if (!ids.length) return [];
  return db.selectFrom('invitations').selectAll().where('id', 'in', [...ids]).execute();
}

export async function findInvitationByDossier(db: Kysely<Database>, dossierHash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('dossier_hash', '=', dossierHash).executeTakeFirst();
}

export async function findInvitationByToken(db: Kysely<Database>, tokenHash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findInvitationByCode(db: Kysely<Database>, codeHash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
}

export interface InvitationListFilter {
  /** null: every unit. */
  units: readonly string[] | null;
  /** Vietnam dates, inclusive. */
  createdFrom: string;
  createdTo: string;
  limit: number;
}

/** The newest days first, for the staff list and batch printing. */
export async function listInvitations(db: Kysely<Database>, filter: InvitationListFilter): Promise<InvitationRow[]> {
  if (filter.units && filter.units.length === 0) return [];
  let q = db
    .selectFrom('invitations')
    .selectAll()
    .where('created_date', '>=', filter.createdFrom)
    .where('created_date', '<=', filter.createdTo)
    .orderBy('created_date', 'desc')
    .orderBy('id')
    .limit(filter.limit);
  if (filter.units) q = q.where('unit_code', 'in', [...filter.units]);
  return q.execute();
}

/**
 * Marks one questionnaire of an invitation as answered; false when it already was. Call inside the
 * storing transaction: the unique key makes two concurrent claims end in one success, on
 * PostgreSQL too (the second insert waits for the first transaction, then finds the key).
 */
export async function claimInvitationUse(trx: Kysely<Database>, useKey: string): Promise<boolean> {
  const rows = await trx.insertInto('invitation_uses').values({ use_key: useKey }).onConflict((oc) => oc.column('use_key').doNothing()).returning('use_key').execute();
  return rows.length === 1;
}

/** Which of these use keys are taken. */
export async function takenUseKeys(db: Kysely<Database>, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db.selectFrom('invitation_uses').select('use_key').where('use_key', 'in', [...keys]).execute();
  return new Set(rows.map((r) => r.use_key));
}

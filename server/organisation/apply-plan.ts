// Stores a plan with its audit entry, inside the caller's transaction: units first, parents
// before children (a new unit may be the parent of another), then procedures and officials.
import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import { recordAudit } from '../repos/audit-log';
import type { UnitEntry } from './entries';
import { countPlan, type PlanItem } from './plan-organisation';
import { officialRow, procedureRow, unitRow } from './stored-organisation';
import { recordDatedChange } from './dated-change';
import { vietnamDate } from '../scoring/vietnam-time';

export interface ApplyContext {
  actor: string;
  now: Date;
  /** What the change came from, for the audit log (a file name). */
  source: string;
  /**
   * The Vietnam calendar date (YYYY-MM-DD) from which a unit's new parent applies; absent: today
   * in Vietnam time (of `now`). Written to the audit entry.
   */
  effectiveFrom?: string;
}

export async function applyPlan(trx: Transaction<Database>, items: readonly PlanItem[], ctx: ApplyContext): Promise<void> {
  if (!items.length) return;
  const units = items.filter((i): i is Extract<PlanItem, { list: 'units' }> => i.list === 'units');
  for (const item of parentsFirst(units)) {
    const row = unitRow(item.entry);
    if (item.action === 'add') await trx.insertInto('units').values(row).execute();
    else {
      if (item.fields.includes('parent')) await recordMove(trx, item.entry, ctx);
      await trx.updateTable('units').set(row).where('code', '=', row.code).execute();
    }
  }
  for (const item of items) {
    if (item.list === 'procedures') {
      const row = procedureRow(item.entry);
      if (item.action === 'add') await trx.insertInto('procedures').values(row).execute();
      else await trx.updateTable('procedures').set(row).where('code', '=', row.code).execute();
    } else if (item.list === 'officials') {
      const row = officialRow(item.entry);
      if (item.action === 'add') await trx.insertInto('officials').values(row).execute();
      else await trx.updateTable('officials').set(row).where('code', '=', row.code).execute();
    }
  }
  const details = { source: ctx.source, ...(ctx.effectiveFrom ? { effectiveFrom: ctx.effectiveFrom } : {}), ...countPlan(items), items: items.map((i) => ({ list: i.list, action: i.action, code: i.entry.code, fields: i.fields })) };
  await recordAudit(trx, { actor: ctx.actor, action: 'organisation.import', target: ctx.source, details }, ctx.now);
}

/** A unit placed under another parent keeps its past under the old one: the move is dated. */
async function recordMove(trx: Transaction<Database>, entry: UnitEntry, ctx: ApplyContext): Promise<void> {
  const before = await trx.selectFrom('units').select('parent_code').where('code', '=', entry.code).executeTakeFirstOrThrow();
  const effectiveFrom = ctx.effectiveFrom ?? vietnamDate(ctx.now);
  await recordDatedChange(trx, { unit: entry.code, kind: 'move', from: before.parent_code, to: entry.parent, effectiveFrom }, ctx.actor, ctx.now);
}

/** Units in an order where each comes after any unit of the plan it is placed under. */
function parentsFirst<T extends { entry: UnitEntry }>(items: T[]): T[] {
  const byCode = new Map(items.map((i) => [i.entry.code, i]));
  const done = new Set<string>();
  const ordered: T[] = [];
  const visit = (item: T, depth: number) => {
    if (done.has(item.entry.code) || depth > 64) return;
    const parent = item.entry.parent === null ? undefined : byCode.get(item.entry.parent);
    if (parent) visit(parent, depth + 1);
    done.add(item.entry.code);
    ordered.push(item);
  };
  for (const item of items) visit(item, 0);
  return ordered;
}

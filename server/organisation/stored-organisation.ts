// The stored organisation in the workbook's shape, and back: what the plan compares against and
// what export writes. An official sitting at a counter is shown as the counter's unit + counter.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { OfficialRow } from '../db/tables/officials';
import type { ProcedureRow } from '../db/tables/procedures';
import type { UnitRow } from '../db/tables/units';
import type { OfficialEntry, OrganisationState, ProcedureEntry, UnitEntry } from './entries';
import type { UnitKind } from './layout';
import { officialUnit } from './merge-state';

export async function readStoredOrganisation(db: Kysely<Database>): Promise<OrganisationState> {
  const [units, procedures, officials] = await Promise.all([
    db.selectFrom('units').selectAll().orderBy('sort_order').orderBy('code').execute(),
    db.selectFrom('procedures').selectAll().orderBy('code').execute(),
    db.selectFrom('officials').selectAll().orderBy('code').execute(),
  ]);
  return stateOfRows(units, procedures, officials);
}

export function stateOfRows(units: UnitRow[], procedures: ProcedureRow[], officials: OfficialRow[]): OrganisationState {
  const byCode = new Map(units.map((u) => [u.code, u]));
  /** The nearest unit above a counter that is not itself a counter: the official's department. */
  const aboveCounters = (code: string) => {
    let unit = byCode.get(code);
    for (let depth = 0; unit && unit.kind === 'counter' && unit.parent_code && depth < 64; depth++) unit = byCode.get(unit.parent_code);
    return unit && unit.kind !== 'counter' ? unit.code : code;
  };
  return {
    units: units.map((u): UnitEntry => ({ code: u.code, name_vi: u.name_vi, name_en: u.name_en, kind: u.kind as UnitKind, parent: u.parent_code, order: u.sort_order, active: u.active === 1 })),
    procedures: procedures.map((p): ProcedureEntry => ({
      code: p.code, name_vi: p.name_vi, name_en: p.name_en, field_vi: p.field_vi, field_en: p.field_en, unit: p.unit_code, handling_days: p.handling_days, active: p.active === 1,
    })),
    officials: officials.map((o): OfficialEntry => {
      const counter = byCode.get(o.unit_code)?.kind === 'counter';
      return { code: o.code, full_name: o.full_name, unit: counter ? aboveCounters(o.unit_code) : o.unit_code, counter: counter ? o.unit_code : null, active: o.active === 1 };
    }),
  };
}

export const unitRow = (u: UnitEntry) => ({ code: u.code, parent_code: u.parent, name_vi: u.name_vi, name_en: u.name_en, kind: u.kind, sort_order: u.order, active: u.active ? 1 : 0 });
export const procedureRow = (p: ProcedureEntry) => ({
  code: p.code, name_vi: p.name_vi, name_en: p.name_en, field_vi: p.field_vi, field_en: p.field_en, unit_code: p.unit, handling_days: p.handling_days, active: p.active ? 1 : 0,
});
export const officialRow = (o: OfficialEntry) => ({ code: o.code, full_name: o.full_name, unit_code: officialUnit(o), active: o.active ? 1 : 0 });

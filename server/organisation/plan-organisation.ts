// What applying a file would do, against what is stored: add the codes not stored yet, change the
// ones whose fields differ, retire the ones the file marks inactive. Codes absent from the file
// are left as they are: nothing is ever deleted, so past responses keep their unit and official.
import type { Lined, OfficialEntry, OrganisationFile, OrganisationState, ProcedureEntry, UnitEntry } from './entries';
import type { ListName } from './layout';
import { officialUnit } from './merge-state';

export type PlanAction = 'add' | 'change' | 'retire';

export type PlanItem =
  | { list: 'units'; action: PlanAction; line: number; entry: UnitEntry; fields: string[] }
  | { list: 'procedures'; action: PlanAction; line: number; entry: ProcedureEntry; fields: string[] }
  | { list: 'officials'; action: PlanAction; line: number; entry: OfficialEntry; fields: string[] };

/** Which stored fields each list compares; an official's unit is the counter when one is named. */
const COMPARED: { [L in ListName]: (e: L extends 'units' ? UnitEntry : L extends 'procedures' ? ProcedureEntry : OfficialEntry) => Record<string, unknown> } = {
  units: (u) => ({ name_vi: u.name_vi, name_en: u.name_en, kind: u.kind, parent: u.parent, order: u.order, active: u.active }),
  procedures: (p) => ({ name_vi: p.name_vi, name_en: p.name_en, field_vi: p.field_vi, field_en: p.field_en, unit: p.unit, handling_days: p.handling_days, active: p.active }),
  officials: (o) => ({ full_name: o.full_name, unit: officialUnit(o), active: o.active }),
};

export function planOrganisation(file: OrganisationFile, current: OrganisationState): PlanItem[] {
  const items: PlanItem[] = [];
  const planList = <L extends ListName>(list: L, incoming: Lined<{ code: string; active: boolean }>[], stored: { code: string; active: boolean }[]) => {
    const byCode = new Map(stored.map((e) => [e.code, e]));
    const compare = COMPARED[list] as (e: unknown) => Record<string, unknown>;
    for (const { line, entry } of incoming) {
      const before = byCode.get(entry.code);
      if (!before) {
        items.push({ list, action: 'add', line, entry, fields: [] } as unknown as PlanItem);
        continue;
      }
      const [was, now] = [compare(before), compare(entry)];
      const fields = Object.keys(now).filter((k) => was[k] !== now[k]);
      if (!fields.length) continue;
      const action: PlanAction = before.active && !entry.active ? 'retire' : 'change';
      items.push({ list, action, line, entry, fields } as unknown as PlanItem);
    }
  };
  planList('units', file.units, current.units);
  planList('procedures', file.procedures, current.procedures);
  planList('officials', file.officials, current.officials);
  return items;
}

/** The plan as lines a person reads before saying yes: add, change, retire, each with its sheet line. */
export function describePlan(items: readonly PlanItem[]): string[] {
  const label = { units: 'đơn vị', procedures: 'thủ tục', officials: 'cán bộ' };
  const verb = { add: 'thêm', change: 'sửa', retire: 'ngừng' };
  const nameOf = (item: PlanItem) => (item.list === 'officials' ? item.entry.full_name : item.entry.name_vi);
  return (['add', 'change', 'retire'] as const).flatMap((action) =>
    items
      .filter((i) => i.action === action)
      .map((i) => `  ${verb[action]} ${label[i.list]} ${i.entry.code} (${nameOf(i)})${i.fields.length ? ` [${i.fields.join(', ')}]` : ''} — dòng ${i.line}`),
  );
}

export function countPlan(items: readonly PlanItem[]): Record<PlanAction, number> {
  return { add: items.filter((i) => i.action === 'add').length, change: items.filter((i) => i.action === 'change').length, retire: items.filter((i) => i.action === 'retire').length };
}

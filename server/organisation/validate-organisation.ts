// Checks across rows and against what is stored: codes unique in the file, parents that exist and
// no cycle, the units of procedures and officials, counters inside their unit, nothing in service
// under a retired unit. Every reason carries the sheet line, so the file is refused whole.
import type { Lined, OrganisationFile, OrganisationState, Refusal } from './entries';
import type { ListName } from './layout';
import { mergeState, officialUnit } from './merge-state';

export function validateOrganisation(file: OrganisationFile, current: OrganisationState): Refusal[] {
  const refusals: Refusal[] = [];
  const refuse = (list: ListName, line: number, reason: Refusal['reason'], message: string, params: Refusal['params']) => refusals.push({ list, line, reason, message, params });

  const lines = { units: new Map<string, number>(), procedures: new Map<string, number>(), officials: new Map<string, number>() };
  for (const list of ['units', 'procedures', 'officials'] as const) {
    for (const { line, entry } of file[list] as Lined<{ code: string }>[]) {
      const first = lines[list].get(entry.code);
      if (first !== undefined) refuse(list, line, 'duplicate_code', `mã "${entry.code}" đã có ở dòng ${first} (duplicate code)`, { code: entry.code, line: first });
      else lines[list].set(entry.code, line);
    }
  }
  const merged = mergeState(current, file);
  const units = merged.units;

  for (const { line, entry } of file.units) {
    if (entry.parent === null) continue;
    if (!units.has(entry.parent)) {
      refuse('units', line, 'unknown_parent', `đơn vị cấp trên "${entry.parent}" không có trong tệp hay trong hệ thống (unknown parent)`, { code: entry.parent });
      continue;
    }
    // Walk up: coming back to the unit itself means the parents go round in a circle.
    const seen = new Set<string>([entry.code]);
    for (let up = units.get(entry.parent); up; up = up.parent === null ? undefined : units.get(up.parent)) {
      if (seen.has(up.code)) {
        if (up.code === entry.code) refuse('units', line, 'cycle', `đơn vị "${entry.code}" nằm dưới chính nó: ${[...seen, entry.code].join(' → ')} (cycle)`, { code: entry.code, path: [...seen, entry.code].join(' → ') });
        break;
      }
      seen.add(up.code);
    }
  }

  const unitKnown = (list: ListName, line: number, code: string, what: 'đơn vị' | 'quầy') => {
    if (units.has(code)) return true;
    refuse(list, line, 'unknown_unit', `${what} "${code}" không có trong tệp hay trong hệ thống (unknown unit)`, { code, what: what === 'quầy' ? 'counter' : 'unit' });
    return false;
  };
  for (const { line, entry } of file.procedures) unitKnown('procedures', line, entry.unit, 'đơn vị');
  for (const { line, entry } of file.officials) {
    const unitOk = unitKnown('officials', line, entry.unit, 'đơn vị');
    if (entry.counter === null || !unitKnown('officials', line, entry.counter, 'quầy')) continue;
    const counter = units.get(entry.counter)!;
    if (counter.kind !== 'counter') refuse('officials', line, 'not_a_counter', `"${entry.counter}" là đơn vị loại ${counter.kind}, không phải quầy (not a counter)`, { code: entry.counter, kind: counter.kind });
    else if (unitOk && !isWithin(units, entry.counter, entry.unit)) {
      refuse('officials', line, 'counter_outside_unit', `quầy "${entry.counter}" không thuộc đơn vị "${entry.unit}" (counter outside unit)`, { code: entry.counter, unit: entry.unit });
    }
  }

  // Nothing stays in service under a retired unit: it would take answers the unit refuses.
  const retired = (code: string | null) => code !== null && units.get(code)?.active === false;
  const underRetired = (list: ListName, code: string, unit: string) => {
    const own = lines[list].get(code);
    const unitLine = lines.units.get(unit);
    if (own !== undefined) refuse(list, own, 'under_retired_unit', `"${code}" còn hoạt động nhưng đơn vị "${unit}" đã ngừng (under retired unit)`, { code, unit, below: list });
    else if (unitLine !== undefined) refuse('units', unitLine, 'under_retired_unit', `đơn vị "${unit}" ngừng hoạt động nhưng "${code}" dưới nó vẫn hoạt động (under retired unit)`, { code, unit, below: list });
  };
  for (const u of units.values()) if (u.active && retired(u.parent)) underRetired('units', u.code, u.parent!);
  for (const p of merged.procedures.values()) if (p.active && retired(p.unit)) underRetired('procedures', p.code, p.unit);
  for (const o of merged.officials.values()) if (o.active && retired(officialUnit(o))) underRetired('officials', o.code, officialUnit(o));

  return sortRefusals(refusals);
}

/** By sheet, then by line, as a person goes through the workbook. */
export const sortRefusals = (refusals: Refusal[]) => [...refusals].sort((a, b) => listOrder(a.list) - listOrder(b.list) || a.line - b.line);

const listOrder = (list: ListName | null) => (list === null ? -1 : ['units', 'procedures', 'officials'].indexOf(list));

/** Whether `code` is `ancestor` or below it. */
function isWithin(units: Map<string, { code: string; parent: string | null }>, code: string, ancestor: string): boolean {
  const seen = new Set<string>();
  for (let u = units.get(code); u && !seen.has(u.code); u = u.parent === null ? undefined : units.get(u.parent)) {
    if (u.code === ancestor) return true;
    seen.add(u.code);
  }
  return false;
}

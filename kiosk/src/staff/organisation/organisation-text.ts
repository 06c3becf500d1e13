// The organisation in the person's language: unit names, kinds, a plan's lines and the reasons a
// file or a change is refused (from the reason's code and values, never the server's message).
import type { StaffStore } from '../staff-store';
import type { PlanItemView, RefusalView, UnitView } from './organisation-api';

type T = StaffStore['t'];

export const unitName = (u: Pick<UnitView, 'nameVi' | 'nameEn'>, lang: string) => (lang === 'vi' ? u.nameVi : u.nameEn || u.nameVi);

/** "Trang “Đơn vị”, dòng 4: Đơn vị cấp trên “X” không có …" */
export function refusalText(t: T, r: RefusalView): string {
  const p = { ...r.params };
  let key = r.reason;
  if (r.reason === 'unknown_unit' && p.what === 'counter') key = 'unknown_counter';
  if (r.reason === 'duplicate_code' && p.line === undefined) key = 'code_taken';
  if (typeof p.below === 'string') p.below = t(`organisation.lists.${p.below}`);
  if (typeof p.kind === 'string') p.kind = t(`organisation.kinds.${p.kind}`);
  const what = t(`organisation.refusals.${key}`, p);
  const text = what === `organisation.refusals.${key}` ? t('organisation.refusals.other') : what;
  // A change of one entry from the page has no sheet line.
  return r.sheet && r.line > 0 ? t('organisation.where.line', { sheet: r.sheet, line: r.line, text }) : text;
}

/** "Thêm đơn vị TTHCC (Trung tâm …) — dòng 2" */
export function planText(t: T, item: PlanItemView, lang: string): string {
  const name = lang === 'vi' ? item.nameVi : item.nameEn || item.nameVi;
  const fields = item.fields.length ? ` (${item.fields.map((f) => t(`organisation.fields.${f}`)).join(', ')})` : '';
  const what = t(`organisation.plan.${item.action}`, { what: t(`organisation.one.${item.list}`), code: item.code, name });
  return item.line > 0 ? t('organisation.plan.atLine', { text: `${what}${fields}`, line: item.line }) : `${what}${fields}`;
}

/** Units in tree order, each with its depth, for indented choices. */
export function unitsInTreeOrder(units: UnitView[]): { unit: UnitView; depth: number }[] {
  const codes = new Set(units.map((u) => u.code));
  const children = new Map<string | null, UnitView[]>();
  for (const u of units) {
    const parent = u.parent !== null && codes.has(u.parent) ? u.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: UnitView; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.code)) continue;
      seen.add(u.code);
      out.push({ unit: u, depth });
      visit(u.code, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The codes of a unit and every unit below it. */
export function subtree(units: UnitView[], root: string): Set<string> {
  const out = new Set<string>([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) if (u.parent !== null && out.has(u.parent) && !out.has(u.code)) (out.add(u.code), (grew = true));
  }
  return out;
}

// The unit and procedure choices of the feedback form, in the order and shape a select shows.
import { localize } from '../translate';
import type { FormChoices } from './feedback-api';

/** Units in tree order, each indented by its depth. */
export function unitOptions(units: FormChoices['units'], lang: string): { code: string; label: string }[] {
  const children = new Map<string | null, FormChoices['units']>();
  for (const u of units) children.set(u.parent, [...(children.get(u.parent) ?? []), u]);
  const out: { code: string; label: string }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (out.some((o) => o.code === u.code)) continue; // a cycle in bad data must not hang the page
      out.push({ code: u.code, label: `${'\u00a0\u00a0\u00a0'.repeat(depth)}${localize(u.name, lang)}` });
      visit(u.code, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** Procedures grouped by their field (lĩnh vực), both in the chosen language. */
export function procedureGroups(procedures: FormChoices['procedures'], lang: string): { field: string; options: { code: string; label: string }[] }[] {
  const groups = new Map<string, { code: string; label: string }[]>();
  for (const p of procedures) {
    const field = localize(p.field, lang);
    groups.set(field, [...(groups.get(field) ?? []), { code: p.code, label: localize(p.name, lang) }]);
  }
  return [...groups].map(([field, options]) => ({ field, options }));
}

// The units and officials the feedback tab names and offers, loaded once per tab.
import { subtreeCodes } from '../../../../server/scoring/unit-tree';
import type { FormChoices } from '../../shared/feedback/feedback-api';
import { unitOptions } from '../../shared/feedback/unit-options';
import { localize } from '../../shared/translate';
import type { Official } from './inbox-api';

export interface Organisation {
  units: FormChoices['units'];
  procedures: FormChoices['procedures'];
  officials: Official[];
}

export function unitName(org: Organisation, code: string | null, lang: string): string {
  if (!code) return '';
  const unit = org.units.find((u) => u.code === code);
  return unit ? localize(unit.name, lang) : code;
}

export function procedureName(org: Organisation, code: string | null, lang: string): string {
  const procedure = org.procedures.find((p) => p.code === code);
  return procedure ? localize(procedure.name, lang) : (code ?? '');
}

/** Every unit, indented, for assigning; or only the signed-in person's units, for filters. */
export function unitChoices(org: Organisation, lang: string, root?: string | null): { code: string; label: string }[] {
  const all = unitOptions(org.units, lang);
  if (!root) return all;
  const mine = new Set(subtreeCodes(org.units.map((u) => ({ code: u.code, parent_code: u.parent })), root));
  return all.filter((o) => mine.has(o.code));
}

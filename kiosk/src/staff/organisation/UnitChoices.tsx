import type { UnitView } from './organisation-api';
import { unitName, unitsInTreeOrder } from './organisation-text';

/** <option>s of the units in service in tree order, indented by depth, each labelled in the person's language. */
export function UnitOptions({ units, lang, except, selected, only }: { units: UnitView[]; lang: string; except?: Set<string>; selected?: string | null; only?: (u: UnitView) => boolean }) {
  return (
    <>
      {unitsInTreeOrder(units)
        .filter(({ unit }) => (unit.active || unit.code === selected) && !except?.has(unit.code) && (!only || only(unit)))
        .map(({ unit, depth }) => (
          <option key={unit.code} value={unit.code} selected={unit.code === selected}>
            {`${'\u00a0\u00a0'.repeat(depth)}${unitName(unit, lang)} (${unit.code})`}
          </option>
        ))}
    </>
  );
}

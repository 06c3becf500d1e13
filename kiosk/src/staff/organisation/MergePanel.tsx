import { useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { mergeUnits, type Organisation } from './organisation-api';
import { unitName, unitsInTreeOrder } from './organisation-text';
import { UnitOptions } from './UnitChoices';

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * "Sáp nhập đơn vị" (admins): units that cease become part of another from a date; their past
 * stays theirs and the unit they join carries it in its trend (server/organisation/merge-units.ts).
 */
export function MergePanel({ store, org, onChanged }: { store: StaffStore; org: Organisation; onChanged: (message: string) => void }) {
  const { t } = store;
  const lang = store.lang.value;
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [into, setInto] = useState('');
  const [from, setFrom] = useState(today());
  const [error, setError] = useState('');
  const toggle = (code: string) => {
    const next = new Set(chosen);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setChosen(next);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    if (!chosen.size || !into) return setError(t('organisation.merge.choose'));
    try {
      const done = await mergeUnits([...chosen], into, from);
      setChosen(new Set());
      onChanged(t('organisation.merge.done', { units: done.merged.join(', '), into: done.into, date: done.effectiveFrom }));
    } catch (err) {
      setError(store.explain(err));
    }
  };
  const live = unitsInTreeOrder(org.units).filter(({ unit }) => unit.active);
  return (
    <section class="panel" aria-labelledby="org-merge">
      <h2 id="org-merge">{t('organisation.merge.heading')}</h2>
      <p class="hint">{t('organisation.merge.hint')}</p>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('organisation.merge.units')}</legend>
          <div class="org-merge__units">
            {live.map(({ unit, depth }) => (
              <label key={unit.code} class="org-merge__unit" style={{ paddingInlineStart: `${depth}rem` }}>
                <input type="checkbox" name="merged" value={unit.code} checked={chosen.has(unit.code)} onChange={() => toggle(unit.code)} />
                <span>{unitName(unit, lang)} ({unit.code})</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label class="field">
          <span>{t('organisation.merge.into')}</span>
          <select name="into" value={into} onChange={(ev) => setInto((ev.currentTarget as HTMLSelectElement).value)}>
            <option value="">—</option>
            <UnitOptions units={org.units} lang={lang} except={chosen} />
          </select>
        </label>
        <label class="field">
          <span>{t('organisation.merge.from')}</span>
          <input type="date" name="effectiveFrom" value={from} max={today()} onInput={(ev) => setFrom((ev.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="button button--primary">{t('organisation.merge.submit')}</button>
      </form>
      {error && <p class="alert" role="alert">{error}</p>}
    </section>
  );
}

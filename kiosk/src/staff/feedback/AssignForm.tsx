import { useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { inboxApi, type ItemDetail } from './inbox-api';
import { unitChoices, unitName, type Organisation } from './organisation';

type Run = (change: (id: string) => Promise<ItemDetail>) => Promise<void>;

/** Hands the item to a department (any unit of the agency) and, if wanted, one official. */
export function AssignForm({ store, org, item, run }: { store: StaffStore; org: Organisation; item: ItemDetail; run: Run }) {
  const { t, lang } = store;
  const [unit, setUnit] = useState(item.assignedUnit ?? '');
  const [official, setOfficial] = useState(item.assignedOfficial ?? '');
  const officials = org.officials.filter((o) => !unit || o.unit === unit);
  return (
    <form class="fb-block" aria-labelledby="fb-assign-heading" onSubmit={(e) => { e.preventDefault(); void run((id) => inboxApi.assign(id, unit || null, official || null)); }}>
      <h3 id="fb-assign-heading" class="fb-block__label">{t('feedback.assign.heading')}</h3>
      <label class="field">
        <span>{t('feedback.assign.unit')}</span>
        <select value={unit} onChange={(e) => { setUnit(e.currentTarget.value); setOfficial(''); }}>
          <option value="">{t('feedback.assign.none')}</option>
          {unitChoices(org, lang.value).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
        </select>
      </label>
      <label class="field">
        <span>{t('feedback.assign.official')}</span>
        <select value={official} onChange={(e) => setOfficial(e.currentTarget.value)}>
          <option value="">{t('feedback.assign.none')}</option>
          {officials.map((o) => <option key={o.code} value={o.code}>{o.name} · {unitName(org, o.unit, lang.value)}</option>)}
        </select>
      </label>
      <button type="submit" class="button button--secondary">{t('feedback.assign.submit')}</button>
    </form>
  );
}

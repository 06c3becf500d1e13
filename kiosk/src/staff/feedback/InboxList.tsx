import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatInstantDate } from '../../shared/feedback/format-date';
import { useLatestAnswer } from '../../shared/use-latest-answer';
import type { StaffStore } from '../staff-store';
import { listInbox, type InboxFilter, type InboxItem } from './inbox-api';
import { unitChoices, unitName, type Organisation } from './organisation';

// The filter survives opening an item and coming back.
let lastFilter: InboxFilter = { status: 'open', kind: '', unit: '', overdue: false, code: '' };

/** The items of the staff member's units; open ones most urgent first, overdue ones marked. */
export function InboxList({ store, org, onOpen }: { store: StaffStore; org: Organisation; onOpen: (id: string) => void }) {
  const { t, lang, user } = store;
  const [filter, setFilter] = useState(lastFilter);
  const [page, setPage] = useState<{ items: InboxItem[]; total: number } | null>(null);
  const [error, setError] = useState('');
  const latest = useLatestAnswer();
  const load = () => {
    setError('');
    latest(listInbox(filter), setPage, (e: unknown) => setError(store.explain(e)));
  };
  useEffect(() => {
    lastFilter = filter;
    load();
  }, [filter]);
  const change = (patch: Partial<InboxFilter>) => setFilter({ ...filter, ...patch });
  const l = lang.value;

  return (
    <div>
      <div class="fb-filters">
        <label class="field">
          <span>{t('feedback.filters.status')}</span>
          <select value={filter.status} onChange={(e) => change({ status: e.currentTarget.value })}>
            {['open', 'received', 'in_progress', 'answered', 'closed', 'all'].map((s) => (
              <option key={s} value={s}>{s === 'open' || s === 'all' ? t(`feedback.filters.${s}`) : t(`feedback.status.${s}`)}</option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('feedback.filters.kind')}</span>
          <select value={filter.kind} onChange={(e) => change({ kind: e.currentTarget.value })}>
            <option value="">{t('feedback.filters.kindAll')}</option>
            {['suggestion', 'report', 'complaint'].map((k) => <option key={k} value={k}>{t(`feedback.kinds.${k}`)}</option>)}
          </select>
        </label>
        <label class="field">
          <span>{t('feedback.filters.unit')}</span>
          <select value={filter.unit} onChange={(e) => change({ unit: e.currentTarget.value })}>
            <option value="">{t('feedback.filters.unitAll')}</option>
            {unitChoices(org, l, user.value?.unit).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
          </select>
        </label>
        <label class="fb-check">
          <input type="checkbox" checked={filter.overdue} onChange={(e) => change({ overdue: e.currentTarget.checked })} />
          <span>{t('feedback.filters.overdue')}</span>
        </label>
        <label class="field">
          <span>{t('feedback.filters.code')}</span>
          <input value={filter.code} maxLength={40} autoComplete="off" spellcheck={false} onChange={(e) => change({ code: e.currentTarget.value, status: e.currentTarget.value ? 'all' : filter.status })} />
        </label>
        <button type="button" class="button button--secondary" onClick={load}>{t('feedback.filters.refresh')}</button>
      </div>
      {error && <p class="alert" role="alert">{t('common.error', { message: error })}</p>}
      {!page && !error && <p class="hint">{t('common.loading')}</p>}
      {page && <p class="hint" aria-live="polite">{t('feedback.total', { count: page.total })}</p>}
      {page?.items.length === 0 && <p>{t('feedback.empty')}</p>}
      {page && page.items.length > 0 && (
        <div class="table-wrap">
          <table class="table fb-inbox">
            <thead>
              <tr>
                {['ref', 'received', 'kind', 'unit', 'text', 'status', 'due', 'assigned'].map((c) => <th key={c} scope="col">{t(`feedback.columns.${c}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => (
                <tr key={item.id} class={item.overdue ? 'fb-row--overdue' : undefined}>
                  <td><button type="button" class="fb-link" onClick={() => onOpen(item.id)}>{item.ref}</button></td>
                  <td>{formatInstantDate(item.receivedAt, l)}</td>
                  <td>{t(`feedback.kinds.${item.kind}`)}</td>
                  <td>{unitName(org, item.unit, l)}</td>
                  <td class="fb-summary">{item.text.length > 120 ? `${item.text.slice(0, 120)}…` : item.text}</td>
                  <td>{t(`feedback.status.${item.status}`)}</td>
                  <td>
                    {formatDate(item.dueDate, l)}
                    {item.overdue && <span class="fb-badge fb-badge--overdue">{t('feedback.overdue')}</span>}
                  </td>
                  <td>{unitName(org, item.assignedUnit, l)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

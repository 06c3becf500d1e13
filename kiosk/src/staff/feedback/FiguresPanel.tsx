import { useEffect, useState } from 'preact/hooks';
import { useLatestAnswer } from '../../shared/use-latest-answer';
import type { StaffStore } from '../staff-store';
import { FiguresTable } from './FiguresTable';
import { inboxApi, type FeedbackFigureReport } from './inbox-api';
import { unitChoices, unitName, type Organisation } from './organisation';

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10); // Vietnam date

/** Received, answered, on time, median days and the Decision 766 indicator, per unit and period. */
export function FiguresPanel({ store, org }: { store: StaffStore; org: Organisation }) {
  const { t, lang, user } = store;
  const [query, setQuery] = useState({ from: `${today().slice(0, 4)}-01-01`, to: today(), unit: '', period: 'month' });
  const [report, setReport] = useState<FeedbackFigureReport | null>(null);
  const [error, setError] = useState('');
  const params = () => {
    const p = new URLSearchParams({ from: query.from, to: query.to, period: query.period });
    if (query.unit) p.set('unit', query.unit);
    return p;
  };
  const latest = useLatestAnswer();
  const load = () => {
    setError('');
    latest(inboxApi.figures(params()), setReport, (e: unknown) => setError(store.explain(e)));
  };
  useEffect(load, []);
  const change = (patch: Partial<typeof query>) => setQuery({ ...query, ...patch });
  const exportUrl = (withContact: boolean) => `/api/feedback/export.csv?${new URLSearchParams({ from: query.from, to: query.to, ...(query.unit ? { unit: query.unit } : {}), ...(withContact ? { includeContact: '1' } : {}) })}`;

  return (
    <div>
      <h2>{t('feedback.figures.heading')}</h2>
      <form class="fb-filters" onSubmit={(e) => { e.preventDefault(); load(); }}>
        <label class="field"><span>{t('feedback.figures.from')}</span><input type="date" value={query.from} required onInput={(e) => change({ from: e.currentTarget.value })} /></label>
        <label class="field"><span>{t('feedback.figures.to')}</span><input type="date" value={query.to} required onInput={(e) => change({ to: e.currentTarget.value })} /></label>
        <label class="field">
          <span>{t('feedback.figures.unit')}</span>
          <select value={query.unit} onChange={(e) => change({ unit: e.currentTarget.value })}>
            <option value="">{t('feedback.filters.unitAll')}</option>
            {unitChoices(org, lang.value, user.value?.unit).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
          </select>
        </label>
        <label class="field">
          <span>{t('feedback.figures.period')}</span>
          <select value={query.period} onChange={(e) => change({ period: e.currentTarget.value })}>
            {['all', 'month', 'quarter', 'year'].map((p) => <option key={p} value={p}>{t(`feedback.figures.periods.${p}`)}</option>)}
          </select>
        </label>
        <button type="submit" class="button button--primary">{t('feedback.figures.show')}</button>
      </form>
      {error && <p class="alert" role="alert">{t('common.error', { message: error })}</p>}
      {report && (
        <>
          <FiguresTable store={store} caption={t('feedback.figures.total')} rowHeading={t('feedback.figures.rowPeriod')} rows={[{ key: 'total', label: `${report.from} – ${report.to}`, figures: report.total }]} />
          <p class="hint">{t('feedback.figures.indicatorHint', { onTime: report.total.complaintsOnTime.onTime, decided: report.total.complaintsOnTime.decided, pending: report.total.complaintsOnTime.pending })}</p>
          {report.period !== 'all' && (
            <FiguresTable store={store} caption={t('feedback.figures.byPeriod')} rowHeading={t('feedback.figures.rowPeriod')} rows={report.periods.map((p) => ({ key: p.key, label: p.key, figures: p.figures }))} />
          )}
          {report.units.length > 0 && (
            <FiguresTable store={store} caption={t('feedback.figures.byUnit')} rowHeading={t('feedback.figures.rowUnit')} rows={report.units.map((u) => ({ key: u.unit, label: unitName(org, u.unit, lang.value), figures: u.figures }))} />
          )}
        </>
      )}
      <div class="fb-buttons">
        <a class="button button--secondary" href={exportUrl(false)} download>{t('feedback.figures.export')}</a>
        {user.value?.role === 'admin' && <a class="button button--secondary" href={exportUrl(true)} download>{t('feedback.figures.exportContact')}</a>}
      </div>
    </div>
  );
}

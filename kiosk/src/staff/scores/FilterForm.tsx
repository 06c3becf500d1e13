import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { localize } from '../../shared/translate';
import type { StaffStore } from '../staff-store';
import { recentQuarters, type DashboardFilter, type PeriodKind } from './dashboard-filter';
import type { ScoreOptions, SurveySummary } from './scores-api';

interface Props {
  store: StaffStore;
  options: ScoreOptions;
  surveys: SurveySummary[];
  filter: DashboardFilter;
  today: string;
  /** Everyone limited to a subtree chooses among its units; admins may also choose all. */
  allUnits: boolean;
  onApply: (filter: DashboardFilter) => void;
}

const PERIODS: PeriodKind[] = ['last12', 'month', 'quarter', 'year', 'custom', 'all'];

/** The filters: questionnaire, period, unit, procedure, official, channel; applied on submit. */
export function FilterForm({ store, options, surveys, filter, today, allUnits, onApply }: Props) {
  const { t } = store;
  const lang = store.lang.value;
  const [draft, setDraft] = useState(filter);
  const set = <K extends keyof DashboardFilter>(key: K) => (e: Event) => {
    const el = e.currentTarget as HTMLInputElement;
    setDraft({ ...draft, [key]: el.type === 'checkbox' ? el.checked : el.value });
  };
  const depth = (code: string): number => {
    const parent = options.units.find((u) => u.code === code)?.parent;
    return parent && options.units.some((u) => u.code === parent) ? depth(parent) + 1 : 0;
  };
  const years = Array.from({ length: 5 }, (_, i) => String(Number(today.slice(0, 4)) - i));
  const officials = options.officials.filter((o) => !draft.unit || o.unit === draft.unit || isBelow(options, o.unit, draft.unit));

  return (
    <form class="filters" onSubmit={(e) => { e.preventDefault(); onApply(draft); }}>
      <fieldset class="filters__grid">
        <legend class="visually-hidden">{t('scores.filters.legend')}</legend>
        <Field id="survey" label={t('scores.filters.survey')}>
          <select id="scores-filter-survey" value={draft.survey} onChange={set('survey')}>
            {surveys.map((s) => <option key={s.id} value={s.id}>{localize(s.title, lang)}</option>)}
          </select>
        </Field>
        <Field id="period" label={t('scores.filters.period')}>
          <select id="scores-filter-period" value={draft.period} onChange={set('period')}>
            {PERIODS.map((p) => <option key={p} value={p}>{t(`scores.filters.periodKinds.${p}`)}</option>)}
          </select>
        </Field>
        {draft.period === 'month' && (
          <Field id="month" label={t('scores.filters.month')}>
            <input id="scores-filter-month" type="month" value={draft.month} max={today.slice(0, 7)} onChange={set('month')} required />
          </Field>
        )}
        {draft.period === 'quarter' && (
          <Field id="quarter" label={t('scores.filters.quarter')}>
            <select id="scores-filter-quarter" value={draft.quarter} onChange={set('quarter')}>
              {recentQuarters(today).map((q) => <option key={q} value={q}>{q.replace('-Q', ' · Q')}</option>)}
            </select>
          </Field>
        )}
        {draft.period === 'year' && (
          <Field id="year" label={t('scores.filters.year')}>
            <select id="scores-filter-year" value={draft.year} onChange={set('year')}>
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </Field>
        )}
        {draft.period === 'custom' && (
          <>
            <Field id="from" label={t('scores.filters.from')}>
              <input id="scores-filter-from" type="date" value={draft.from} max={draft.to || today} onChange={set('from')} />
            </Field>
            <Field id="to" label={t('scores.filters.to')}>
              <input id="scores-filter-to" type="date" value={draft.to} min={draft.from} onChange={set('to')} />
            </Field>
          </>
        )}
        <Field id="unit" label={t('scores.filters.unit')}>
          <select id="scores-filter-unit" value={draft.unit} onChange={set('unit')}>
            {allUnits && <option value="">{t('scores.filters.allUnits')}</option>}
            {options.units.map((u) => <option key={u.code} value={u.code}>{'\u00a0\u00a0'.repeat(depth(u.code)) + (lang === 'vi' ? u.name.vi : u.name.en)}</option>)}
          </select>
        </Field>
        <Field id="procedure" label={t('scores.filters.procedure')}>
          <select id="scores-filter-procedure" value={draft.procedure} onChange={set('procedure')}>
            <option value="">{t('scores.filters.allProcedures')}</option>
            {options.procedures.map((p) => <option key={p.code} value={p.code}>{`${p.code} · ${lang === 'vi' ? p.name.vi : p.name.en}`}</option>)}
          </select>
        </Field>
        <Field id="official" label={t('scores.filters.official')}>
          <select id="scores-filter-official" value={draft.official} onChange={set('official')}>
            <option value="">{t('scores.filters.allOfficials')}</option>
            {officials.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
          </select>
        </Field>
        <Field id="channel" label={t('scores.filters.channel')}>
          <select id="scores-filter-channel" value={draft.channel} onChange={set('channel')}>
            <option value="">{t('scores.filters.allChannels')}</option>
            {options.channels.map((c) => <option key={c} value={c}>{t(`scores.channels.${c}`)}</option>)}
          </select>
        </Field>
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={draft.includeFlagged} onChange={set('includeFlagged')} />
        <span>{t('scores.filters.includeFlagged')}</span>
      </label>
      <label class="check">
        <input type="checkbox" checked={draft.includeUnverified} onChange={set('includeUnverified')} />
        <span>{t('scores.filters.includeUnverified')}</span>
      </label>
      <button type="submit" class="button button--primary">{t('scores.filters.apply')}</button>
    </form>
  );
}

/** A labelled control; the label points at the control by id, so its name is exactly the label. */
function Field({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={`scores-filter-${id}`}>{label}</label>
      {children}
    </div>
  );
}

function isBelow(options: ScoreOptions, code: string, ancestor: string): boolean {
  const parent = options.units.find((u) => u.code === code)?.parent;
  return !!parent && (parent === ancestor || isBelow(options, parent, ancestor));
}

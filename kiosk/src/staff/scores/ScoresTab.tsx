import { useEffect, useState } from 'preact/hooks';
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import type { StaffStore } from '../staff-store';
import { OpenAlertsPanel } from '../alerts/OpenAlertsPanel';
import { BreakdownTable } from './BreakdownTable';
import { Decision766Panel } from './Decision766Panel';
import { defaultFilter, openingPeriod, queryString, trendRange, vietnamToday, type DashboardFilter } from './dashboard-filter';
import { ExportLinks } from './ExportLinks';
import { FilterForm } from './FilterForm';
import { IndexBars } from './IndexBars';
import { AssessmentTable, ExpectationRanking, GroupBars } from './Method1001Panels';
import { OverallSummary } from './OverallSummary';
import { StructureNote } from './StructureNote';
import { LexiconForm } from './LexiconForm';
import { RetentionForm } from './RetentionForm';
import { loadDefinition, loadOptions, loadScores, loadSuggestions, loadSurveys, loadThemes, loadVersionChanges, type ScoreOptions, type ScoreReport, type Suggestions, type SurveySummary, type ThemeReport, type VersionChange } from './scores-api';
import { ServicePanel } from './ServicePanel';
import { SuggestionList } from './SuggestionList';
import { TargetsForm } from './TargetsForm';
import { ThemesPanel } from './ThemesPanel';
import { TrendChart } from './TrendChart';
import { useStages } from './use-stages';
import './scores.css';

interface Loaded {
  def: SurveyDefinition;
  report: ScoreReport;
  trend: ScoreReport;
  suggestions: Suggestions;
  themes: ThemeReport;
  changes: VersionChange[];
}

const TABLES = ['unit', 'procedure', 'official'];

/** The staff dashboard: filters, the overall index, bars by element and criterion, trend, tables, suggestions, exports. */
export function ScoresTab({ store }: { store: StaffStore }) {
  const { t } = store;
  const admin = store.user.value?.role === 'admin';
  const today = vietnamToday();
  const [setup, setSetup] = useState<{ options: ScoreOptions; surveys: SurveySummary[] } | null>(null);
  const [filter, setFilter] = useState<DashboardFilter | null>(null);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);
  const stage = useStages(4, data);

  useEffect(() => {
    Promise.all([loadOptions(), loadSurveys()]).then(async ([options, surveys]) => {
      setSetup({ options, surveys });
      const survey = surveys.find((s) => s.id === 'sipas-2017')?.id ?? surveys[0]?.id ?? '';
      const opening = defaultFilter(today, survey, admin ? '' : (options.root ?? ''));
      // Open on the current quarter when it has enough answers to read, else on the last 12 months.
      const quarter = await loadScores(queryString({ ...opening, period: 'quarter' }, { service: '0' })).catch(() => null);
      setFilter({ ...opening, period: openingPeriod(quarter?.responses ?? 0) });
    }, (e: unknown) => setError(store.explain(e)));
  }, []);

  useEffect(() => {
    if (!filter) return;
    let current = true;
    setLoading(true);
    setError('');
    const query = queryString(filter);
    Promise.all([
      loadDefinition(filter.survey),
      loadScores(`${query}&by=${TABLES.join(',')}`),
      loadScores(queryString(filter, { ...trendRange(filter, today), by: 'month', service: '0' })),
      loadSuggestions(query),
      loadThemes(query),
      loadVersionChanges(filter.survey),
    ]).then(
      ([def, report, trend, suggestions, themes, changes]) => current && setData({ def, report, trend, suggestions, themes, changes }),
      (e: unknown) => current && setError(store.explain(e)),
    ).finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [filter, version]);

  if (!setup || !filter) return error ? <p class="alert" role="alert">{t('common.error', { message: error })}</p> : <p class="hint">{t('common.loading')}</p>;
  return (
    <div class="scores">
      <h1>{t('scores.heading')}</h1>
      <OpenAlertsPanel store={store} />
      <FilterForm store={store} options={setup.options} surveys={setup.surveys} filter={filter} today={today} allUnits={admin} onApply={setFilter} />
      {error && <p class="alert" role="alert">{t('common.error', { message: error })}</p>}
      <p class="hint" role="status">{loading ? t('common.loading') : ''}</p>
      {data && (
        <div class="scores__results" aria-busy={loading || stage < 4}>
          <OverallSummary store={store} report={data.report} />
          <StructureNote store={store} report={data.report} options={setup.options} />
          {data.report.responses === 0 && <p class="panel">{t('scores.empty')}</p>}
          <GroupBars store={store} report={data.report} def={data.def} />
          <IndexBars store={store} report={data.report} def={data.def} />
          {stage >= 2 && (
            <>
              <AssessmentTable store={store} report={data.report} def={data.def} />
              <ExpectationRanking store={store} report={data.report} def={data.def} />
              <TrendChart store={store} months={data.trend.breakdowns[0]?.rows ?? []} def={data.def} changes={data.changes} />
              {data.report.extras.service && <ServicePanel store={store} figures={data.report.extras.service} />}
              {data.report.extras.decision766 && <Decision766Panel store={store} figures={data.report.extras.decision766} />}
            </>
          )}
          {stage >= 3 && data.report.breakdowns.map((b) => <BreakdownTable key={b.by} store={store} report={data.report} breakdown={b} def={data.def} />)}
          {stage >= 4 && (
            <>
              <SuggestionList store={store} data={data.suggestions} options={setup.options} />
              <ThemesPanel store={store} data={data.themes} onChanged={() => setVersion((v) => v + 1)} />
              {admin && <LexiconForm store={store} onSaved={() => setVersion((v) => v + 1)} />}
              {admin && <RetentionForm store={store} />}
              {admin && <TargetsForm key={data.def.id} store={store} def={data.def} targets={data.report.targets} onSaved={() => setVersion((v) => v + 1)} />}
              <ExportLinks store={store} query={queryString(filter)} />
            </>
          )}
        </div>
      )}
    </div>
  );
}

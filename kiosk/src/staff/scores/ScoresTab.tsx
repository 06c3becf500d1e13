import { Component, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import type { StaffStore } from '../staff-store';
import { OpenAlertsPanel } from '../alerts/OpenAlertsPanel';
import { BreakdownTable } from './BreakdownTable';
import { Decision766Panel } from './Decision766Panel';
import { defaultFilter, openingPeriod, queryString, trendRange, vietnamToday, type DashboardFilter } from './dashboard-filter';
import { ExportLinks } from './ExportLinks';
import { FilterForm } from './FilterForm';
import { CriterionBars, ElementBars } from './IndexBars';
import { AssessmentTable, ExpectationRanking, GroupBars } from './Method1001Panels';
import { OverallSummary } from './OverallSummary';
import { StructureNote } from './StructureNote';
import { LexiconForm } from './LexiconForm';
import { RetentionForm } from './RetentionForm';
import { loadDefinition, loadOptions, loadScores, loadSuggestions, loadSurveys, loadThemes, loadVersionChanges, type ScoreOptions, type ScoreReport, type Suggestions, type SurveySummary, type ThemeReport, type VersionChange } from './scores-api';
import { ServicePanel } from './ServicePanel';
import { SuggestionList } from './SuggestionList';
import { TargetsForm } from './TargetsForm';
import { ThemesPanel, themesWithExamples } from './ThemesPanel';
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
  /** The filter these answers are for: a new one draws the panels again in stages. */
  filter: DashboardFilter;
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
      ([def, report, trend, suggestions, themes, changes]) => current && setData({ def, report, trend, suggestions, themes, changes, filter }),
      (e: unknown) => current && setError(store.explain(e)),
    ).finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [filter, version]);

  if (!setup || !filter) return error ? <p class="alert" role="alert">{t('common.error', { message: error })}</p> : <p class="hint">{t('common.loading')}</p>;
  // Busy from the render that applies a new filter: the load itself starts in an effect, a frame
  // later, and until then the figures on the page are still the last filter's (unless it failed).
  const busy = loading || (data !== null && data.filter !== filter && !error);
  return (
    <div class="scores">
      <h1>{t('scores.heading')}</h1>
      <OpenAlertsPanel store={store} />
      <FilterForm store={store} options={setup.options} surveys={setup.surveys} filter={filter} today={today} allUnits={admin} onApply={setFilter} />
      {error && <p class="alert" role="alert">{t('common.error', { message: error })}</p>}
      <p class="hint" role="status">{busy ? t('common.loading') : ''}</p>
      {data && <Results store={store} data={data} options={setup.options} query={queryString(filter)} admin={admin} loading={busy} onChanged={() => setVersion((v) => v + 1)} />}
    </div>
  );
}

interface ResultsProps {
  store: StaffStore;
  data: Loaded;
  options: ScoreOptions;
  query: string;
  admin: boolean;
  loading: boolean;
  onChanged: () => void;
}

/** A group of panels drawn together; with `parts`, over that many stages, `draw` told how many are due. */
interface Group {
  key: string;
  parts?: number;
  draw: (partsShown: number) => ComponentChildren;
}

/**
 * The panels, in the order they are drawn: each group in a task of its own (use-stages.ts), the
 * figures at the top first. One group at a time keeps every task short on a slow office PC; the
 * two panels that were still the longest tasks in a trace at 4× slower CPU are drawn in parts.
 */
function Results({ store, data, options, query, admin, loading, onChanged }: ResultsProps) {
  const { t } = store;
  const { def, report } = data;
  const groups: Group[] = [
    { key: 'overall', draw: () => (
      <>
        <OverallSummary store={store} report={report} />
        <StructureNote store={store} report={report} options={options} />
        {report.responses === 0 && <p class="panel">{t('scores.empty')}</p>}
      </>
    ) },
    { key: 'groups', draw: () => <GroupBars store={store} report={report} def={def} /> },
    { key: 'elements', draw: () => <ElementBars store={store} report={report} def={def} /> },
    // One element's criteria a stage.
    { key: 'criteria', parts: Math.max(1, report.elements.length), draw: (parts) => <CriterionBars store={store} report={report} def={def} elementsShown={parts} /> },
    { key: 'method1001', draw: () => (
      <>
        <AssessmentTable store={store} report={report} def={def} />
        <ExpectationRanking store={store} report={report} def={def} />
      </>
    ) },
    { key: 'trend', draw: () => <TrendChart store={store} months={data.trend.breakdowns[0]?.rows ?? []} def={def} changes={data.changes} /> },
    { key: 'service', draw: () => report.extras.service && <ServicePanel store={store} figures={report.extras.service} /> },
    { key: 'decision766', draw: () => report.extras.decision766 && <Decision766Panel store={store} figures={report.extras.decision766} /> },
    ...report.breakdowns.map((b): Group => ({ key: `by-${b.by}`, draw: () => <BreakdownTable store={store} report={report} breakdown={b} def={def} /> })),
    { key: 'suggestions', draw: () => <SuggestionList store={store} data={data.suggestions} options={options} /> },
    // The table first, then each theme's examples (a quote, a button and a select each) a stage:
    // drawn in one go they were a task of 189 ms.
    { key: 'themes', parts: 1 + themesWithExamples(data.themes).length, draw: (parts) => <ThemesPanel store={store} data={data.themes} examplesShown={parts - 1} onChanged={onChanged} /> },
    { key: 'settings', draw: () => (
      <>
        {admin && <LexiconForm store={store} onSaved={onChanged} />}
        {admin && <RetentionForm store={store} />}
        {admin && <TargetsForm key={def.id} store={store} def={def} targets={report.targets} onSaved={onChanged} />}
        <ExportLinks store={store} query={query} />
      </>
    ) },
  ];
  const firstStage = groups.reduce<number[]>((starts, g, i) => [...starts, i === 0 ? 0 : starts[i - 1]! + (groups[i - 1]!.parts ?? 1)], []);
  const stages = firstStage[groups.length - 1]! + (groups[groups.length - 1]!.parts ?? 1);
  // Figures refreshed after an edit on the page (a theme, the lexicon, targets) redraw in place:
  // the panels, and the message of the form just saved, stay.
  const shown = useStages(stages, data.filter);
  const lang = store.lang.value;
  return (
    <div class="scores__results" aria-busy={loading || shown < stages}>
      {groups.map((g, i) => {
        if (firstStage[i]! >= shown) return null;
        const parts = Math.min(g.parts ?? 1, shown - firstStage[i]!);
        return <Stage key={g.key} draw={() => g.draw(parts)} deps={[data, query, admin, options, lang, parts]} />;
      })}
    </div>
  );
}

/**
 * One stage's panels, drawn again only when what they show changes: each new stage used to
 * redraw (diff) every panel before it, so the last stages, after the big tables, cost the most.
 */
class Stage extends Component<{ draw: () => ComponentChildren; deps: readonly unknown[] }> {
  override shouldComponentUpdate(next: { deps: readonly unknown[] }): boolean {
    return next.deps.some((dep, i) => dep !== this.props.deps[i]);
  }
  override render() {
    return this.props.draw();
  }
}

import type { SurveyDefinition } from '../../../../survey-defs/schema';
import type { StaffStore } from '../staff-store';
import { formatPercent } from './format';
import type { BreakdownRow, VersionChange } from './scores-api';
import { VersionChanges } from './VersionChanges';

/**
 * The overall index month by month: columns for the eye, a table with the same numbers for
 * everyone. A month in which a new version of the questionnaire was published is marked, and the
 * criteria it added or dropped are listed under the chart.
 */
export function TrendChart({ store, months, def, changes = [] }: { store: StaffStore; months: BreakdownRow[]; def: SurveyDefinition; changes?: VersionChange[] }) {
  const { t } = store;
  const lang = store.lang.value;
  const label = (key: string) => `${key.slice(5)}/${key.slice(0, 4)}`;
  const step = months.length ? 100 / months.length : 0;
  const shown = changes.filter((c) => c.version > 1 && months.some((m) => c.publishedMonth === m.key));
  const versionIn = (key: string) => shown.filter((c) => c.publishedMonth === key).map((c) => c.version);
  return (
    <section class="panel" aria-labelledby="scores-trend">
      <h2 id="scores-trend">{t('scores.trend.heading')}</h2>
      {months.every((m) => m.responses === 0) ? (
        <p>{t('scores.trend.empty')}</p>
      ) : (
        <>
          <svg class="trend__chart" viewBox="0 0 100 50" preserveAspectRatio="none" aria-hidden="true">
            {[0, 25, 50, 75, 100].map((p) => <line key={p} class="trend__grid" x1="0" x2="100" y1={48 - p * 0.46} y2={48 - p * 0.46} vector-effect="non-scaling-stroke" />)}
            {months.map((m, i) =>
              m.overall.index === null ? null : (
                <rect key={m.key} class="trend__column" x={i * step + step * 0.15} width={step * 0.7} y={48 - m.overall.index * 0.46} height={m.overall.index * 0.46} />
              ),
            )}
            {months.map((m, i) => (versionIn(m.key).length ? <line key={`v-${m.key}`} class="trend__version" x1={i * step} x2={i * step} y1="0" y2="50" vector-effect="non-scaling-stroke" /> : null))}
          </svg>
          <div class="table-wrap">
            <table class="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('scores.trend.month')}</th>
                  {months.map((m) => (
                    <th key={m.key} scope="col" class="num" data-version-change={versionIn(m.key).join(',') || undefined}>
                      {label(m.key)}
                      {versionIn(m.key).map((v) => <span key={v} class="trend__mark">{t('scores.trend.versionMark', { version: v })}</span>)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('scores.trend.index')}</th>
                  {months.map((m) => <td key={m.key} class="num">{m.withheld ? t('scores.withheld') : formatPercent(lang, m.overall.index)}</td>)}
                </tr>
                <tr>
                  <th scope="row">{t('scores.trend.responses')}</th>
                  {months.map((m) => <td key={m.key} class="num">{m.responses}</td>)}
                </tr>
              </tbody>
            </table>
          </div>
          {shown.length > 0 && <VersionChanges store={store} def={def} changes={shown} />}
        </>
      )}
    </section>
  );
}

// The overall index month by month, for the twelve months to the end of the period.
import { html } from 'hono/html';
import type { ScoreReport } from '../../scoring/score-report';
import type { ReportContext } from '../report-context';
import { trendChart } from './report-charts';
import type { ReportFormat, ReportSection } from './report-format';

export function trendSection(ctx: ReportContext, f: ReportFormat, trend: ScoreReport): ReportSection {
  const { t } = ctx;
  const months = trend.breakdowns.find((b) => b.by === 'month')?.rows ?? [];
  return {
    id: 'trend',
    title: t('scores.report.sections.trend'),
    body: html`${trendChart(months.map((m) => ({ label: `${m.key.slice(5)}/${m.key.slice(2, 4)}`, index: m.withheld ? null : m.overall.index })), t('scores.trend.heading'), f.number)}
      <table>
        <thead><tr><th scope="col">${t('scores.trend.month')}</th>${months.map((m) => html`<th scope="col">${m.key.slice(5)}/${m.key.slice(0, 4)}</th>`)}</tr></thead>
        <tbody><tr><th scope="row">${t('scores.trend.responses')}</th>${months.map((m) => html`<td class="num">${m.responses}</td>`)}</tr>
          <tr><th scope="row">${t('scores.trend.index')}</th>${months.map((m) => html`<td class="num">${m.withheld ? '—' : f.pct(m.overall.index)}</td>`)}</tr></tbody>
      </table>`,
  };
}

// Each element and the overall index against the previous period and the target; a change is
// called a change only when the two-proportion test says so.
import { html } from 'hono/html';
import { displayDate, elementTitle, ROMAN, type ReportContext } from '../report-context';
import type { ReportFormat, ReportSection } from './report-format';

export function comparisonSection(ctx: ReportContext, f: ReportFormat): ReportSection | null {
  const comparison = ctx.report.extras.comparison;
  if (!comparison) return null;
  const { t } = ctx;
  const signed = (d: number | null) => (d === null ? '—' : `${d > 0 ? '+' : ''}${f.number(d)}`);
  return {
    id: 'comparison',
    title: t('scores.report.sections.comparison'),
    body: html`<p>${t('scores.compare.heading', { from: displayDate(comparison.from), to: displayDate(comparison.to), n: comparison.responses })}</p>
      <table>
        <thead><tr><th scope="col">${t('scores.xlsx.no')}</th><th scope="col">${t('scores.xlsx.item')}</th><th scope="col">${t('scores.compare.current')}</th><th scope="col">${t('scores.compare.previous')}</th><th scope="col">${t('scores.compare.difference')}</th><th scope="col">${t('scores.compare.change')}</th><th scope="col">${t('scores.xlsx.target')}</th><th scope="col">${t('scores.compare.targetMet')}</th></tr></thead>
        <tbody>${comparison.rows.map((r, i) => {
          const overall = r.id === 'overall';
          return html`<tr class="${overall ? 'element' : ''}" data-compare="${r.id}"><td>${overall ? '' : ROMAN[i]}</td><td>${overall ? t('scores.overall') : elementTitle(ctx, r.id)}</td><td class="num">${f.pct(r.current)}</td><td class="num">${f.pct(r.previous)}</td><td class="num">${signed(r.difference)}</td><td class="${r.change === 'fall' ? 'missed' : ''}">${r.difference === null ? '—' : t(`scores.compare.changes.${r.change}`)}</td><td class="num">${f.pct(r.target)}</td><td>${r.targetMet === null ? '' : r.targetMet ? t('scores.targetMet') : t('scores.targetMissed')}</td></tr>`;
        })}</tbody>
      </table>
      <p class="notes">${t('scores.compare.method')}</p>`,
  };
}

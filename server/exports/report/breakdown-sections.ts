// One table per breakdown asked for (by unit first): responses, the overall index with its
// interval, and each element.
import { html } from 'hono/html';
import { breakdownTitle, elementTitle, ROMAN, rowName, type ReportContext } from '../report-context';
import type { ReportFormat, ReportSection } from './report-format';

export function breakdownSections(ctx: ReportContext, f: ReportFormat): ReportSection[] {
  const { report, t } = ctx;
  const ordered = [...report.breakdowns.filter((b) => b.by === 'unit'), ...report.breakdowns.filter((b) => b.by !== 'unit')];
  return ordered.map((b) => ({
    id: `by-${b.by}`,
    title: b.by === 'unit' ? t('scores.report.sections.units') : breakdownTitle(ctx, b),
    body: html`<table>
        <thead><tr><th scope="col">${breakdownTitle(ctx, b)}</th><th scope="col">${t('scores.tables.responses')}</th><th scope="col">${t('scores.tables.index')}</th><th scope="col">${t('scores.tables.ci')}</th>${report.elements.map((e, i) => html`<th scope="col" title="${elementTitle(ctx, e.id)}">${ROMAN[i]}</th>`)}</tr></thead>
        <tbody>${b.rows.map((r) => html`<tr><td class="indent-${Math.min(r.depth ?? 0, 4)}">${rowName(ctx, b, r)}</td><td class="num">${r.responses}</td>${
          r.withheld
            ? html`<td colspan="${2 + report.elements.length}">${t('scores.withheld')}</td>`
            : r.responses === 0
              ? html`<td colspan="${2 + report.elements.length}">${t('scores.noResponses')}</td>`
              : html`<td class="num">${f.pct(r.overall.index)}${f.small(r.overall)}</td><td class="num">${f.ci(r.overall)}</td>${report.elements.map((e) => html`<td class="num">${f.pct(r.elements.find((x) => x.id === e.id)?.index ?? null)}</td>`)}`
        }</tr>`)}</tbody>
      </table>`,
  }));
}

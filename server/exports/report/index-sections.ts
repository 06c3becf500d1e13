// The overall index, then the table per element and the table per criterion, as SIPAS reports
// tabulate them (elements I, II …, criteria 1, 2 …).
import { html } from 'hono/html';
import { listCriteria } from '../../../survey-defs/criteria';
import { criterionText, elementTitle, localized, ROMAN, sampleNote, type ReportContext } from '../report-context';
import { barChart } from './report-charts';
import type { ReportFormat, ReportSection } from './report-format';

export function overallParagraph(ctx: ReportContext, f: ReportFormat) {
  const { report, t } = ctx;
  if (report.withheld) return html`<p class="overall">${t('scores.withheldNote')}</p>`;
  return html`<p class="overall"><span>${t('scores.overall')}:</span> <span class="overall__value" id="overall-index">${f.pct(report.overall.index)}</span>
    <span>${t('scores.summary.ci', { low: report.overall.ci95 ? f.number(report.overall.ci95[0]) : '—', high: report.overall.ci95 ? f.number(report.overall.ci95[1]) : '—' })}${f.small(report.overall)}</span></p>`;
}

export function elementsSection(ctx: ReportContext, f: ReportFormat): ReportSection {
  const { report, t } = ctx;
  return {
    id: 'elements',
    title: t('scores.report.sections.elements'),
    body: html`<table>
        <thead><tr><th scope="col">${t('scores.xlsx.no')}</th><th scope="col">${t('scores.xlsx.item')}</th><th scope="col">${t('scores.xlsx.valid')}</th><th scope="col">${t('scores.xlsx.index')}</th><th scope="col">${t('scores.tables.ci')}</th><th scope="col">${t('scores.xlsx.target')}</th><th scope="col">${t('scores.xlsx.note')}</th></tr></thead>
        <tbody>${report.elements.map((e, i) => {
          const target = report.targets[e.id] ?? 90;
          const missed = e.index !== null && e.index < target;
          const verdict = e.index === null ? sampleNote(ctx, e) : missed ? t('scores.targetMissed') : t('scores.targetMet');
          return html`<tr><td>${ROMAN[i]}</td><td>${elementTitle(ctx, e.id)}</td><td class="num">${e.n}</td><td class="num">${f.pct(e.index)}${f.small(e)}</td><td class="num">${f.ci(e)}</td><td class="num">${f.pct(target)}</td><td class="${missed ? 'missed' : ''}">${verdict}</td></tr>`;
        })}</tbody>
      </table>
      ${barChart(report.elements.map((e, i) => ({ label: ROMAN[i] ?? e.id, figure: e, target: report.targets[e.id] })), t('scores.bars.elements'))}
      <p class="notes">${t('scores.bars.legend')}</p>`,
  };
}

export function criteriaSection(ctx: ReportContext, f: ReportFormat): ReportSection {
  const { report, t, def, lang } = ctx;
  const scale = def.scales[listCriteria(def)[0]!.scale]!;
  const levels = [...scale.levels].sort((a, b) => b.value - a.value);
  let number = 0;
  const mean = (m: number | null) => (m === null ? '—' : f.number(m));
  return {
    id: 'criteria',
    title: t('scores.report.sections.criteria'),
    body: html`<table>
        <thead><tr><th scope="col">${t('scores.xlsx.no')}</th><th scope="col">${t('scores.xlsx.item')}</th>${levels.map((l) => html`<th scope="col">${localized(l.label, lang)}</th>`)}<th scope="col">${t('scores.xlsx.valid')}</th><th scope="col">${t('scores.xlsx.index')}</th><th scope="col">${t('scores.xlsx.mean')}</th><th scope="col">${t('scores.tables.ci')}</th></tr></thead>
        <tbody>${report.elements.map((e, i) => html`<tr class="element"><td>${ROMAN[i]}</td><td colspan="${levels.length + 1}">${elementTitle(ctx, e.id)}</td><td class="num">${e.n}</td><td class="num">${f.pct(e.index)}${f.small(e)}</td><td class="num">${mean(e.mean)}</td><td class="num">${f.ci(e)}</td></tr>
          ${report.criteria.filter((c) => c.element === e.id).map((c) => html`<tr><td>${++number}</td><td>${criterionText(ctx, c.id)}</td>${levels.map((l) => html`<td class="num">${c.levels[l.value] ?? 0}</td>`)}<td class="num">${c.n}</td><td class="num">${f.pct(c.index)}${f.small(c)}</td><td class="num">${mean(c.mean)}</td><td class="num">${f.ci(c)}</td></tr>`)}`)}</tbody>
      </table>`,
  };
}

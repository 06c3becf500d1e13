// "Báo cáo kết quả đo lường sự hài lòng": the figures as one A4 page set for Print → PDF.
// Server-rendered, with its stylesheet and its one script (the print button) linked, never inline.
import { html } from 'hono/html';
import { listCriteria } from '../../../survey-defs/criteria';
import type { IndexFigure } from '../../scoring/score-card';
import type { ScoreReport } from '../../scoring/score-report';
import { vietnamDate } from '../../scoring/vietnam-time';
import { breakdownTitle, criterionText, displayDate, elementTitle, localized, periodText, rowName, unitName, type ReportContext } from '../report-context';
import { barChart, trendChart } from './report-charts';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

export function reportPage(ctx: ReportContext, trend: ScoreReport, now: Date) {
  const { report, t, lang, def } = ctx;
  const number = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = (n: number | null) => (n === null ? '—' : `${number(n)}%`);
  const ci = (f: IndexFigure) => (f.ci95 ? `${number(f.ci95[0])}–${number(f.ci95[1])}` : '—');
  const small = (f: IndexFigure) => (f.smallSample && f.index !== null ? ' (*)' : '');
  const scale = def.scales[listCriteria(def)[0]!.scale]!;
  const levels = [...scale.levels].sort((a, b) => b.value - a.value);
  const months = trend.breakdowns.find((b) => b.by === 'month')?.rows ?? [];
  const units = report.breakdowns.find((b) => b.by === 'unit');
  const others = report.breakdowns.filter((b) => b.by !== 'unit');
  let criterionNo = 0;

  return html`<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${t('scores.report.title')} · ${unitName(ctx)}</title>
  <link rel="stylesheet" href="/static/report.css">
  <script src="/static/report.js" defer></script>
</head>
<body>
  <nav class="toolbar" aria-label="${t('scores.report.print')}"><button type="button" id="print-report">${t('scores.report.print')}</button><a href="/staff">SIPAS</a></nav>
  <main class="page">
    <header class="report__head">
      <h1>${t('scores.report.title')}</h1>
      <p class="report__subtitle">${t('scores.report.subtitle')}</p>
      <div class="report__facts">
        <p>${t('scores.report.unit', { name: unitName(ctx) })}</p>
        <p>${t('scores.report.period', { period: periodText(ctx) })}</p>
        <p>${t('scores.report.survey', { title: localized(def.title, lang), version: def.version, method: def.method })}</p>
        <p>${t('scores.report.responses', { n: report.responses, flagged: report.flaggedResponses })}</p>
      </div>
    </header>
    ${report.withheld ? html`<p class="overall">${t('scores.withheldBecause', { reason: t(`scores.withheldReasons.${report.withheldReason ?? 'few_responses'}`) })} ${t('scores.withheldNote')}</p>` : html`
    <p class="overall"><span>${t('scores.overall')}:</span> <span class="overall__value" id="overall-index">${pct(report.overall.index)}</span>
      <span>${t('scores.summary.ci', { low: report.overall.ci95 ? number(report.overall.ci95[0]) : '—', high: report.overall.ci95 ? number(report.overall.ci95[1]) : '—' })}${small(report.overall)}</span></p>

    <section aria-labelledby="h-elements">
      <h2 id="h-elements">${t('scores.report.elements')}</h2>
      <table>
        <thead><tr><th scope="col">${t('scores.xlsx.no')}</th><th scope="col">${t('scores.xlsx.item')}</th><th scope="col">${t('scores.xlsx.valid')}</th><th scope="col">${t('scores.xlsx.index')}</th><th scope="col">${t('scores.tables.ci')}</th><th scope="col">${t('scores.xlsx.target')}</th><th scope="col">${t('scores.xlsx.note')}</th></tr></thead>
        <tbody>${report.elements.map((e, i) => {
          const target = report.targets[e.id] ?? 90;
          const missed = e.index !== null && e.index < target;
          return html`<tr><td>${ROMAN[i]}</td><td>${elementTitle(ctx, e.id)}</td><td class="num">${e.n}</td><td class="num">${pct(e.index)}${small(e)}</td><td class="num">${ci(e)}</td><td class="num">${pct(target)}</td><td class="${missed ? 'missed' : ''}">${e.index === null ? '' : missed ? t('scores.targetMissed') : t('scores.targetMet')}</td></tr>`;
        })}</tbody>
      </table>
      ${barChart(report.elements.map((e, i) => ({ label: ROMAN[i] ?? e.id, figure: e, target: report.targets[e.id] })), t('scores.bars.elements'))}
      <p class="notes">${t('scores.bars.legend')}</p>
    </section>

    <section aria-labelledby="h-criteria">
      <h2 id="h-criteria">${t('scores.report.criteria')}</h2>
      <table>
        <thead><tr><th scope="col">${t('scores.xlsx.no')}</th><th scope="col">${t('scores.xlsx.item')}</th>${levels.map((l) => html`<th scope="col">${localized(l.label, lang)}</th>`)}<th scope="col">${t('scores.xlsx.valid')}</th><th scope="col">${t('scores.xlsx.index')}</th><th scope="col">${t('scores.xlsx.mean')}</th><th scope="col">${t('scores.tables.ci')}</th></tr></thead>
        <tbody>${report.elements.map((e, i) => html`<tr class="element"><td>${ROMAN[i]}</td><td colspan="${levels.length + 1}">${elementTitle(ctx, e.id)}</td><td class="num">${e.n}</td><td class="num">${pct(e.index)}${small(e)}</td><td class="num">${e.mean === null ? '—' : number(e.mean)}</td><td class="num">${ci(e)}</td></tr>
          ${report.criteria.filter((c) => c.element === e.id).map((c) => html`<tr><td>${++criterionNo}</td><td>${criterionText(ctx, c.id)}</td>${levels.map((l) => html`<td class="num">${c.levels[l.value] ?? 0}</td>`)}<td class="num">${c.n}</td><td class="num">${pct(c.index)}${small(c)}</td><td class="num">${c.mean === null ? '—' : number(c.mean)}</td><td class="num">${ci(c)}</td></tr>`)}`)}</tbody>
      </table>
    </section>

    <section aria-labelledby="h-trend">
      <h2 id="h-trend">${t('scores.report.trend')}</h2>
      ${trendChart(months.map((m) => ({ label: `${m.key.slice(5)}/${m.key.slice(2, 4)}`, index: m.withheld ? null : m.overall.index })), t('scores.trend.heading'), number)}
      <table>
        <thead><tr><th scope="col">${t('scores.trend.month')}</th>${months.map((m) => html`<th scope="col">${m.key.slice(5)}/${m.key.slice(0, 4)}</th>`)}</tr></thead>
        <tbody><tr><th scope="row">${t('scores.trend.responses')}</th>${months.map((m) => html`<td class="num">${m.responses}</td>`)}</tr>
          <tr><th scope="row">${t('scores.trend.index')}</th>${months.map((m) => html`<td class="num">${m.withheld ? '—' : pct(m.overall.index)}</td>`)}</tr></tbody>
      </table>
    </section>

    ${[...(units ? [units] : []), ...others].map((b, k) => html`<section aria-labelledby="h-by-${b.by}">
      <h2 id="h-by-${b.by}">${k === 0 && units ? t('scores.report.breakdowns') : breakdownTitle(ctx, b)}</h2>
      <table>
        <thead><tr><th scope="col">${breakdownTitle(ctx, b)}</th><th scope="col">${t('scores.tables.responses')}</th><th scope="col">${t('scores.tables.index')}</th><th scope="col">${t('scores.tables.ci')}</th>${report.elements.map((e, i) => html`<th scope="col" title="${elementTitle(ctx, e.id)}">${ROMAN[i]}</th>`)}</tr></thead>
        <tbody>${b.rows.map((r) => html`<tr><td class="indent-${Math.min(r.depth ?? 0, 4)}">${rowName(ctx, b, r)}</td><td class="num">${r.responses}</td>${r.withheld ? html`<td colspan="${2 + report.elements.length}">${t('scores.withheldBecause', { reason: t(`scores.withheldReasons.${r.withheldReason ?? 'few_responses'}`) })}</td>` : html`<td class="num">${pct(r.overall.index)}${small(r.overall)}</td><td class="num">${ci(r.overall)}</td>${report.elements.map((e) => html`<td class="num">${pct(r.elements.find((x) => x.id === e.id)?.index ?? null)}</td>`)}`}</tr>`)}</tbody>
      </table>
    </section>`)}
    `}
    <div class="notes">
      <p>${t('scores.report.method')}</p>
      <p>${t('scores.report.smallSampleNote')}</p>
      <p>${t('scores.withheldNote')}</p>
    </div>
    <p class="signature">${t('scores.report.generated', { date: displayDate(vietnamDate(now)) })}</p>
  </main>
</body>
</html>`;
}

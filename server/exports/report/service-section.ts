// The dossier and feedback figures of the period (what a Department of Home Affairs asks beside
// the indices) and the Decision 766 points, with the inputs that are missing.
import { html } from 'hono/html';
import type { Indicator766 } from '../../scoring/decision-766';
import { localized, type ReportContext } from '../report-context';
import type { ReportFormat, ReportSection } from './report-format';

export function serviceSection(ctx: ReportContext, f: ReportFormat): ReportSection | null {
  const { service, decision766 } = ctx.report.extras;
  if (!service) return null;
  const { t } = ctx;
  const d = service.dossiers.total;
  const fb = service.feedback.total;
  const points = (i: Indicator766) => (i.withheld ? t('scores.withheldBecause', { reason: t(`scores.withheldReasons.${i.withheld}`) }) : i.points === null ? '—' : `${f.number(i.points)} / ${i.max}`);
  return {
    id: 'service',
    title: t('scores.report.sections.service'),
    body: html`<table data-figures="dossiers">
        <caption>${t('service.dossiers')}</caption>
        <thead><tr><th scope="col">${t('service.count')}</th><th scope="col">${t('service.withDue')}</th><th scope="col">${t('service.onTime')}</th><th scope="col">${t('service.late')}</th><th scope="col">${t('service.rated')}</th><th scope="col">${t('service.dissatisfied')}</th><th scope="col">${t('service.onTimeShare')}</th><th scope="col">${t('service.handling')}</th></tr></thead>
        <tbody><tr><td class="num">${d.dossiers}</td><td class="num">${d.withDue}</td><td class="num">${d.onTime}</td><td class="num">${d.late}</td><td class="num">${d.rated}</td><td class="num">${d.dissatisfied}</td><td class="num">${f.pct(d.onTimeShare.percent)}</td><td class="num">${f.pct(d.handlingSatisfaction.percent)}</td></tr></tbody>
      </table>
      <p class="notes">${t('service.onTimeTarget')}</p>
      <table data-figures="feedback">
        <caption>${t('service.feedback')}</caption>
        <thead><tr><th scope="col">${t('service.received')}</th><th scope="col">${t('service.answered')}</th><th scope="col">${t('service.answeredOnTime')}</th><th scope="col">${t('service.answeredLate')}</th><th scope="col">${t('service.open')}</th><th scope="col">${t('service.overdue')}</th><th scope="col">${t('service.medianDays')}</th><th scope="col">${t('service.complaintsOnTime')}</th></tr></thead>
        <tbody><tr><td class="num">${fb.received}</td><td class="num">${fb.answered}</td><td class="num">${fb.answeredOnTime}</td><td class="num">${fb.answeredLate}</td><td class="num">${fb.open}</td><td class="num">${fb.overdue}</td><td class="num">${fb.medianDaysToAnswer === null ? '—' : f.number(fb.medianDaysToAnswer, 1)}</td><td class="num">${f.pct(fb.complaintsOnTime.percent)}</td></tr></tbody>
      </table>
      ${fb.complaintsOnTime.pending > 0 ? html`<p class="notes">${t('service.pending', { n: fb.complaintsOnTime.pending })}</p>` : ''}
      <p class="notes">${t('service.feedbackTarget')}</p>
      ${decision766
        ? html`<table data-figures="d766">
        <caption>${t('d766.heading')}</caption>
        <thead><tr><th scope="col">${t('d766.indicator')}</th><th scope="col">${t('d766.ratio')}</th><th scope="col">${t('d766.n')}</th><th scope="col">${t('d766.points')}</th></tr></thead>
        <tbody>${decision766.total.indicators.map((i) => html`<tr data-indicator="${i.id}"><td>${t(`d766.indicators.${i.id}`)}</td><td class="num">${f.pct(i.ratio)}</td><td class="num">${i.n}</td><td class="num">${points(i)}</td></tr>`)}
          <tr class="element"><td>${t('d766.total')}</td><td></td><td></td><td class="num">${f.number(decision766.total.points)} / ${decision766.total.max}</td></tr></tbody>
      </table>
      ${decision766.units.length > 1
        ? html`<table data-figures="d766-units">
        <caption>${t('d766.byUnit')}</caption>
        <thead><tr><th scope="col">${t('d766.unit')}</th>${decision766.total.indicators.map((i) => html`<th scope="col">${t(`d766.short.${i.id}`)}</th>`)}<th scope="col">${t('d766.totalShort')}</th></tr></thead>
        <tbody>${decision766.units.map((u) => html`<tr><td class="indent-${Math.min(u.depth, 4)}">${localized(u.label as { vi: string }, ctx.lang)}</td>${u.points.indicators.map((i) => html`<td class="num">${i.withheld ? t('scores.withheld') : i.points === null ? '—' : f.number(i.points)}</td>`)}<td class="num">${f.number(u.points.points)} / ${u.points.max}</td></tr>`)}</tbody>
      </table>`
        : ''}
      ${decision766.total.indicators.flatMap((i) => i.missing.map((m) => html`<p class="notes">${t(`d766.indicators.${i.id}`)}: ${t(`d766.missing.${m}`)}</p>`))}
      <p class="notes">${t('d766.source')}</p>`
        : ''}`,
  };
}

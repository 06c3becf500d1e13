// The head of a periodic report as administrative documents begin: the agency and unit on the
// left, the national name and motto on the right, the date, the title, then the general facts
// (agency, unit, period, questionnaire, number of forms).
import { html } from 'hono/html';
import { vietnamDate } from '../../scoring/vietnam-time';
import { agencyName, localized, periodText, unitName, type ReportContext } from '../report-context';

export function reportHeader(ctx: ReportContext) {
  const { t, report, def, lang } = ctx;
  const today = vietnamDate(ctx.now);
  const agency = agencyName(ctx);
  const unit = unitName(ctx);
  return html`<header class="report__head">
    <div class="report__issuer">
      <div class="report__agency"><p>${agency.toUpperCase()}</p>${unit !== agency ? html`<p class="report__unit">${unit}</p>` : ''}</div>
      <div class="report__nation"><p>${t('scores.report.nation')}</p><p class="report__motto">${t('scores.report.motto')}</p></div>
    </div>
    <p class="report__date">${t('scores.report.dateLine', { day: today.slice(8, 10), month: today.slice(5, 7), year: today.slice(0, 4) })}</p>
    <h1>${t('scores.report.title')}</h1>
    <p class="report__subtitle">${t('scores.report.subtitle')}</p>
    <div class="report__facts">
      ${agency ? html`<p>${t('scores.report.agency', { name: agency })}</p>` : ''}
      <p>${t('scores.report.unit', { name: unit })}</p>
      <p>${t('scores.report.period', { period: periodText(ctx) })}</p>
      <p>${t('scores.report.survey', { title: localized(def.title, lang), version: def.version, method: def.method })}</p>
      <p>${t('scores.report.responses', { n: report.responses, flagged: report.flaggedResponses })}</p>
    </div>
  </header>`;
}

import type { ServiceFigures } from '../../../../server/scoring/score-report';
import type { StaffStore } from '../staff-store';
import { formatNumber, formatPercent } from './format';

/** Dossiers returned on time and feedback handled on time, with the two Decision 766 indicators. */
export function ServicePanel({ store, figures }: { store: StaffStore; figures: ServiceFigures }) {
  const { t } = store;
  const lang = store.lang.value;
  const d = figures.dossiers.total;
  const f = figures.feedback.total;
  const days = f.medianDaysToAnswer === null ? '—' : formatNumber(lang, f.medianDaysToAnswer, 1);
  return (
    <section class="panel" aria-labelledby="service-heading">
      <h2 id="service-heading">{t('service.heading')}</h2>
      <p class="hint">{t('service.intro')}</p>
      <div class="table-wrap">
        <table class="table" data-figures="dossiers">
          <caption>{t('service.dossiers')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('service.count')}</th>
              <th scope="col">{t('service.onTime')}</th>
              <th scope="col">{t('service.late')}</th>
              <th scope="col">{t('service.dissatisfied')}</th>
              <th scope="col">{t('service.onTimeShare')}</th>
              <th scope="col">{t('service.handling')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td class="num">{d.dossiers}</td>
              <td class="num">{d.onTime}</td>
              <td class="num">{d.late}</td>
              <td class="num">{d.dissatisfied ?? t('scores.withheld')}</td>
              <td class="num" data-figure="on-time">{formatPercent(lang, d.onTimeShare.percent)}</td>
              <td class="num" data-figure="handling">{d.ratingsWithheld ? t('scores.withheld') : formatPercent(lang, d.handlingSatisfaction.percent)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {d.ratingsWithheld && <p class="hint" data-withheld="ratings">{t('service.ratingsWithheld', { reason: t(`scores.withheldReasons.${d.ratingsWithheld}`) })}</p>}
      <p class="hint">{t('service.onTimeTarget')}</p>
      <div class="table-wrap">
        <table class="table" data-figures="feedback">
          <caption>{t('service.feedback')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('service.received')}</th>
              <th scope="col">{t('service.answered')}</th>
              <th scope="col">{t('service.answeredOnTime')}</th>
              <th scope="col">{t('service.overdue')}</th>
              <th scope="col">{t('service.medianDays')}</th>
              <th scope="col">{t('service.complaintsOnTime')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td class="num">{f.received}</td>
              <td class="num">{f.answered}</td>
              <td class="num">{f.answeredOnTime}</td>
              <td class="num">{f.overdue}</td>
              <td class="num">{days}</td>
              <td class="num" data-figure="complaints-on-time">{formatPercent(lang, f.complaintsOnTime.percent)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {f.complaintsOnTime.pending > 0 && <p class="hint">{t('service.pending', { n: f.complaintsOnTime.pending })}</p>}
      <p class="hint">{t('service.feedbackTarget')}</p>
    </section>
  );
}

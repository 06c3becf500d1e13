import type { StaffStore } from '../staff-store';
import { formatNumber, formatPercent } from './format';
import type { ScoreReport } from './scores-api';

/** The overall SIPAS index, its interval, and how many responses it rests on. */
export function OverallSummary({ store, report }: { store: StaffStore; report: ScoreReport }) {
  const { t } = store;
  const lang = store.lang.value;
  const f = report.overall;
  return (
    <section class="panel overall" aria-labelledby="scores-overall">
      <h2 id="scores-overall">{t('scores.overall')}</h2>
      {report.withheld ? (
        <p>{t('scores.withheldBecause', { reason: t(`scores.withheldReasons.${report.withheldReason ?? 'few_responses'}`) })} {t('scores.withheldNote')}</p>
      ) : (
        <p class="overall__figure">
          <strong class="overall__index" data-figure="overall">{formatPercent(lang, f.index)}</strong>
          {f.ci95 && <span>{t('scores.summary.ci', { low: formatNumber(lang, f.ci95[0]), high: formatNumber(lang, f.ci95[1]) })}</span>}
        </p>
      )}
      <p>
        {t('scores.summary.responses', { n: report.responses })}
        {report.flaggedResponses > 0 && ` · ${t(report.filter.includeFlagged ? 'scores.summary.flaggedIncluded' : 'scores.summary.flagged', { n: report.flaggedResponses })}`}
        {report.unverifiedResponses > 0 && ` · ${t(report.filter.includeUnverified ? 'scores.summary.unverifiedIncluded' : 'scores.summary.unverified', { n: report.unverifiedResponses })}`}
      </p>
      {!report.withheld && f.index !== null && f.smallSample && <p class="badge">{t('scores.smallSample')}</p>}
    </section>
  );
}

import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { localize } from '../../shared/translate';
import type { StaffStore } from '../staff-store';
import { formatNumber, formatPercent } from './format';
import type { Breakdown, ScoreReport } from './scores-api';

/** One breakdown (by unit, procedure or official) as a table: responses, SIPAS, interval, each element. */
export function BreakdownTable({ store, report, breakdown, def }: { store: StaffStore; report: ScoreReport; breakdown: Breakdown; def: SurveyDefinition }) {
  const { t } = store;
  const lang = store.lang.value;
  const id = `scores-by-${breakdown.by}`;
  const name = (key: string, label?: Record<string, string>) => (label ? localize(label as { vi: string }, lang) : key || t('scores.notGiven'));
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>{t(`scores.by.${breakdown.by}`)}</h2>
      {breakdown.rows.length === 0 ? (
        <p>{t('scores.tables.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('scores.tables.name')}</th>
                <th scope="col" class="num">{t('scores.tables.responses')}</th>
                <th scope="col" class="num">{t('scores.tables.index')}</th>
                <th scope="col" class="num">{t('scores.tables.ci')}</th>
                {report.elements.map((e) => <th key={e.id} scope="col" class="num">{localize(def.elements.find((x) => x.id === e.id)?.title ?? { vi: e.id }, lang)}</th>)}
              </tr>
            </thead>
            <tbody>
              {breakdown.rows.map((r) => (
                <tr key={r.key} data-row={r.key}>
                  <th scope="row" class={`depth-${Math.min(r.depth ?? 0, 4)}`}>{name(r.key, r.label)}</th>
                  <td class="num">{r.responses}</td>
                  {r.withheld ? (
                    <td colSpan={2 + report.elements.length}>{t('scores.withheldBecause', { reason: t(`scores.withheldReasons.${r.withheldReason ?? 'few_responses'}`) })}</td>
                  ) : (
                    <>
                      <td class="num">{formatPercent(lang, r.overall.index)}{r.overall.index !== null && r.overall.smallSample ? ' *' : ''}</td>
                      <td class="num">{r.overall.ci95 ? `${formatNumber(lang, r.overall.ci95[0])}–${formatNumber(lang, r.overall.ci95[1])}` : '—'}</td>
                      {report.elements.map((e) => <td key={e.id} class="num">{formatPercent(lang, r.elements.find((x) => x.id === e.id)?.index ?? null)}</td>)}
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="hint">* {t('scores.smallSample')}</p>
    </section>
  );
}

import type { Decision766Figures, Indicator766, Points766 } from '../../../../server/scoring/decision-766';
import { localize } from '../../shared/translate';
import type { StaffStore } from '../staff-store';
import { formatNumber, formatPercent } from './format';

/** Decision 766 points beside their ratios, for the period and for each unit, saying what is missing. */
export function Decision766Panel({ store, figures }: { store: StaffStore; figures: Decision766Figures }) {
  const { t } = store;
  const lang = store.lang.value;
  const hidden = (i: Indicator766) => t('scores.withheldBecause', { reason: t(`scores.withheldReasons.${i.withheld}`) });
  const points = (i: Indicator766) => (i.withheld ? hidden(i) : i.points === null ? '—' : `${formatNumber(lang, i.points)} / ${i.max}`);
  const total = (p: Points766) => `${formatNumber(lang, p.points)} / ${p.max}`;
  const missing = figures.total.indicators.flatMap((i) => i.missing.map((m) => `${t(`d766.indicators.${i.id}`)}: ${t(`d766.missing.${m}`)}`));
  return (
    <section class="panel" aria-labelledby="d766-heading">
      <h2 id="d766-heading">{t('d766.heading')}</h2>
      <p class="hint">{t('d766.intro')}</p>
      <div class="table-wrap">
        <table class="table" data-figures="d766">
          <thead>
            <tr>
              <th scope="col">{t('d766.indicator')}</th>
              <th scope="col" class="num">{t('d766.ratio')}</th>
              <th scope="col" class="num">{t('d766.n')}</th>
              <th scope="col" class="num">{t('d766.points')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.total.indicators.map((i) => (
              <tr key={i.id} data-indicator={i.id}>
                <th scope="row">{t(`d766.indicators.${i.id}`)}</th>
                <td class="num">{formatPercent(lang, i.ratio)}</td>
                <td class="num">{i.n}</td>
                <td class="num" data-figure="points">{points(i)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('d766.total')}</th>
              <td />
              <td />
              <td class="num" data-figure="total">{total(figures.total)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {missing.length > 0 && (
        <ul class="hint" aria-label={t('d766.missingHeading')}>
          {missing.map((m) => <li key={m}>{m}</li>)}
        </ul>
      )}
      {figures.units.length > 1 && (
        <div class="table-wrap">
          <table class="table" data-figures="d766-units">
            <caption>{t('d766.byUnit')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scores.tables.name')}</th>
                {figures.total.indicators.map((i) => <th key={i.id} scope="col" class="num">{t(`d766.short.${i.id}`)}</th>)}
                <th scope="col" class="num">{t('d766.total')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.units.map((u) => (
                <tr key={u.unit} data-unit-points={u.unit}>
                  <th scope="row" class={`depth-${Math.min(u.depth, 4)}`}>{localize(u.label, lang)}</th>
                  {u.points.indicators.map((i) => <td key={i.id} class="num">{i.withheld ? t('scores.withheld') : i.points === null ? '—' : formatNumber(lang, i.points)}</td>)}
                  <td class="num">{total(u.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="hint">{t('d766.source')}</p>
    </section>
  );
}

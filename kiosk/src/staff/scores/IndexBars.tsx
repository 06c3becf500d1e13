import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { localize } from '../../shared/translate';
import type { StaffStore } from '../staff-store';
import { formatNumber, formatPercent } from './format';
import type { IndexFigure, ScoreReport } from './scores-api';

interface BarProps {
  store: StaffStore;
  id: string;
  label: string;
  figure: IndexFigure;
  target?: number;
}

/** One index as words and numbers, with a bar, its 95% interval and the target drawn beside. */
export function IndexBar({ store, id, label, figure, target }: BarProps) {
  const { t } = store;
  const lang = store.lang.value;
  const missed = target !== undefined && figure.index !== null && figure.index < target;
  const [low, high] = figure.ci95 ?? [0, 0];
  return (
    <li class={`index-bar${missed ? ' index-bar--missed' : ''}`} data-figure={id}>
      <div class="index-bar__text">
        <span class="index-bar__label">{label}</span>
        <span class="index-bar__figure">
          {figure.index === null ? (
            t('scores.noData')
          ) : (
            <>
              <strong class="index-bar__index">{formatPercent(lang, figure.index)}</strong>{' '}
              <span class="index-bar__ci">
                ({t('scores.summary.ci', { low: formatNumber(lang, low), high: formatNumber(lang, high) })}; {t('scores.summary.n', { n: figure.n })})
              </span>
            </>
          )}
        </span>
        {missed && <span class="badge badge--missed">{t('scores.targetMissed')}</span>}
        {figure.index !== null && figure.smallSample && <span class="badge">{t('scores.smallSample')}</span>}
      </div>
      <svg class="index-bar__chart" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true">
        <rect class="index-bar__track" x="0" y="2" width="100" height="8" />
        {figure.index !== null && <rect class="index-bar__fill" x="0" y="2" width={figure.index} height="8" />}
        {figure.ci95 && <line class="index-bar__whisker" x1={low} x2={high} y1="6" y2="6" vector-effect="non-scaling-stroke" />}
        {target !== undefined && <line class="index-bar__target" x1={target} x2={target} y1="0" y2="12" vector-effect="non-scaling-stroke" />}
      </svg>
    </li>
  );
}

type Props = { store: StaffStore; report: ScoreReport; def: SurveyDefinition };

const elementTitle = (def: SurveyDefinition, id: string, lang: string) => localize(def.elements.find((e) => e.id === id)?.title ?? { vi: id }, lang);

/** The elements with their targets. */
export function ElementBars({ store, report, def }: Props) {
  const { t } = store;
  const lang = store.lang.value;
  return (
    <section class="panel" aria-labelledby="scores-elements">
      <h2 id="scores-elements">{t('scores.bars.elements')}</h2>
      <p class="hint">{t('scores.bars.legend')}</p>
      <ul class="index-bars">
        {report.elements.map((e) => (
          <IndexBar key={e.id} store={store} id={e.id} label={`${elementTitle(def, e.id, lang)} · ${t('scores.bars.target', { target: formatNumber(lang, report.targets[e.id] ?? 90, 0) })}`} figure={e} target={report.targets[e.id]} />
        ))}
      </ul>
    </section>
  );
}

/** Every criterion under its element (drawn apart from the elements: the dashboard's longest list); the first `elementsShown` elements when the dashboard draws it in parts. */
export function CriterionBars({ store, report, def, elementsShown = Infinity }: Props & { elementsShown?: number }) {
  const { t } = store;
  const lang = store.lang.value;
  const text = (elementId: string, id: string) => localize(def.elements.find((e) => e.id === elementId)?.criteria.find((c) => c.id === id)?.text ?? { vi: id }, lang);
  return (
    <section class="panel" aria-labelledby="scores-criteria">
      <h2 id="scores-criteria">{t('scores.bars.criteria')}</h2>
      {report.elements.slice(0, elementsShown).map((e) => (
        <div key={e.id} class="criteria-group">
          <h3>{elementTitle(def, e.id, lang)}</h3>
          <ul class="index-bars">
            {report.criteria.filter((c) => c.element === e.id).map((c) => (
              <IndexBar key={c.id} store={store} id={c.id} label={text(e.id, c.id)} figure={c} target={report.targets[e.id]} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

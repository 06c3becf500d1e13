import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { localize } from '../../shared/translate';
import type { StaffStore } from '../staff-store';
import { formatNumber, formatPercent } from './format';
import { IndexBar } from './IndexBars';
import type { ScoreReport } from './scores-api';

type Props = { store: StaffStore; report: ScoreReport; def: SurveyDefinition };

const questionText = (def: SurveyDefinition, id: string, lang: string) => localize(def.questions.find((q) => q.id === id)?.text ?? { vi: id }, lang);

/** Decision 1001's contents of satisfaction (policy; services), each with its index above its elements. */
export function GroupBars({ store, report, def }: Props) {
  const { t } = store;
  const lang = store.lang.value;
  if (!report.groups?.length) return null;
  return (
    <section class="panel" aria-labelledby="scores-groups">
      <h2 id="scores-groups">{t('scores.method1001.groups')}</h2>
      <ul class="index-bars">
        {report.groups.map((g) => {
          const group = def.groups.find((x) => x.id === g.id);
          return <IndexBar key={g.id} store={store} id={`group-${g.id}`} label={localize(group?.title ?? { vi: g.id }, lang)} figure={g} />;
        })}
      </ul>
    </section>
  );
}

/** Each assessment as the share of every answer, with its interval; nobody's answer alone is shown as a share of one. */
export function AssessmentTable({ store, report, def }: Props) {
  const { t } = store;
  const lang = store.lang.value;
  if (!report.assessments?.length) return null;
  const share = (s: number | null, ci: [number, number] | null) =>
    s === null ? t('scores.noData') : `${formatPercent(lang, s)}${ci ? ` (${formatNumber(lang, ci[0])}–${formatNumber(lang, ci[1])})` : ''}`;
  return (
    <section class="panel" aria-labelledby="scores-assessments">
      <h2 id="scores-assessments">{t('scores.method1001.assessments')}</h2>
      <p class="hint">{t('scores.method1001.assessmentsHint')}</p>
      {report.assessments.map((a) => {
        const q = def.questions.find((x) => x.id === a.id);
        const label = (id: string) => (q && q.type !== 'text' ? localize(q.options.find((o) => o.id === id)?.label ?? { vi: id }, lang) : id);
        return (
          <table key={a.id} class="table" data-assessment={a.id}>
            <caption>{questionText(def, a.id, lang)} · {t('scores.summary.n', { n: a.n })}</caption>
            <thead><tr><th scope="col">{t('scores.method1001.answer')}</th><th scope="col" class="num">{t('scores.method1001.count')}</th><th scope="col" class="num">{t('scores.method1001.share')}</th></tr></thead>
            <tbody>{a.options.map((o) => <tr key={o.id}><th scope="row">{label(o.id)}</th><td class="num">{o.count}</td><td class="num">{share(o.share, o.ci95)}</td></tr>)}</tbody>
          </table>
        );
      })}
    </section>
  );
}

/** The needs and expectations, the most wanted first. */
export function ExpectationRanking({ store, report, def }: Props) {
  const { t } = store;
  const lang = store.lang.value;
  if (!report.expectations?.length) return null;
  return (
    <section class="panel" aria-labelledby="scores-expectations">
      <h2 id="scores-expectations">{t('scores.method1001.expectations')}</h2>
      <p class="hint">{t('scores.method1001.expectationsHint')}</p>
      <table class="table">
        <thead><tr><th scope="col" class="num">{t('scores.method1001.rank')}</th><th scope="col">{t('scores.method1001.area')}</th><th scope="col" class="num">{t('scores.method1001.share')}</th><th scope="col" class="num">n</th></tr></thead>
        <tbody>
          {report.expectations.map((e) => (
            <tr key={e.id} data-expectation={e.id}>
              <td class="num">{e.rank ?? '—'}</td>
              <th scope="row">{questionText(def, e.id, lang)}</th>
              <td class="num">{e.share === null ? t('scores.noData') : `${formatPercent(lang, e.share)}${e.ci95 ? ` (${formatNumber(lang, e.ci95[0])}–${formatNumber(lang, e.ci95[1])})` : ''}`}</td>
              <td class="num">{e.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

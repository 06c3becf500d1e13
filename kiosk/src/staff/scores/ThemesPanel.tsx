import type { StaffStore } from '../staff-store';
import { formatNumber, formatPercent } from './format';
import { useState } from 'preact/hooks';
import { addTextTheme, removeTextTheme, type ThemeReport } from './scores-api';

type Share = ThemeReport['themes'][number]['withTheme'];

/** The themes that have example texts to show, in the order the panel shows them. */
export const themesWithExamples = (data: ThemeReport) => data.themes.filter((x) => x.examples.length);

interface ThemesPanelProps {
  store: StaffStore;
  data: ThemeReport;
  /** How many themes' examples to draw yet (the dashboard adds one a task); all when left out. */
  examplesShown?: number;
  onChanged: () => void;
}

/** "Chủ đề": how often each theme comes up, its change since the period before, and dissatisfaction with and without it; examples below. */
export function ThemesPanel({ store, data, examplesShown = Infinity, onChanged }: ThemesPanelProps) {
  const { t } = store;
  const role = store.user.value?.role;
  const canEdit = role === 'admin' || role === 'manager';
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // A manager or admin takes a wrongly found theme off one text; re-tagging keeps it off.
  const remove = async (id: string, theme: string) => {
    try {
      await removeTextTheme(id, theme);
      setMessage({ ok: true, text: t('scores.themes.removed') });
      onChanged();
    } catch (error) {
      setMessage({ ok: false, text: store.explain(error) });
    }
  };
  // A theme the lexicon missed is added to one text by hand; re-tagging keeps it too.
  const add = async (id: string, theme: string) => {
    if (!theme) return;
    try {
      await addTextTheme(id, theme);
      setMessage({ ok: true, text: t('scores.themes.added') });
      onChanged();
    } catch (error) {
      setMessage({ ok: false, text: store.explain(error) });
    }
  };
  const lang = store.lang.value;
  const label = (l: { vi: string; en: string }) => (lang === 'vi' ? l.vi : l.en);
  const date = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  const change = (c: number | null) => (c === null ? t('scores.themes.noPrevious') : t('scores.themes.points', { sign: c > 0 ? '+' : c < 0 ? '−' : '', value: formatNumber(lang, Math.abs(c)) }));
  const dissatisfied = (s: Share) => (
    <>
      {formatPercent(lang, s.percent)} <span class="hint">(n = {s.rated})</span>
      {s.ci95 && <span class="hint"><br />{t('scores.themes.ci', { low: formatPercent(lang, s.ci95[0]), high: formatPercent(lang, s.ci95[1]) })}</span>}
    </>
  );
  const withExamples = themesWithExamples(data).slice(0, Math.max(0, examplesShown));
  return (
    <section class="panel themes" aria-labelledby="scores-themes" data-panel="themes">
      <h2 id="scores-themes">{t('scores.themes.heading')}</h2>
      {data.withheld ? (
        <p>{t('scores.themes.withheld', { reason: t(`scores.withheldReasons.${data.withheldReason ?? 'few_responses'}`) })}</p>
      ) : data.texts === 0 ? (
        <p>{t('scores.themes.empty')}</p>
      ) : (
        <>
          <p>{t('scores.themes.intro', { n: formatNumber(lang, data.texts, 0) })}</p>
          <div class="table-wrap">
            <table class="table">
              <caption>{t('scores.themes.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('scores.themes.theme')}</th>
                  <th scope="col">{t('scores.themes.texts')}</th>
                  <th scope="col">{t('scores.themes.share')}</th>
                  <th scope="col">{t('scores.themes.change')}</th>
                  <th scope="col">{t('scores.themes.dissatisfiedWith')}</th>
                  <th scope="col">{t('scores.themes.dissatisfiedWithout')}</th>
                </tr>
              </thead>
              <tbody>
                {data.themes.map((x) => (
                  <tr key={x.id} data-theme={x.id}>
                    <th scope="row">{label(x.label)}</th>
                    <td data-figure="texts">{x.texts}</td>
                    <td data-figure="share">{formatPercent(lang, x.share)}</td>
                    <td data-figure="change">{change(x.change)}</td>
                    <td>{dissatisfied(x.withTheme)}</td>
                    <td>{dissatisfied(x.withoutTheme)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {withExamples.map((x) => (
            <div key={x.id} class="themes__examples" data-examples={x.id}>
              <h3>{t('scores.themes.examples', { theme: label(x.label) })}</h3>
              <ul class="suggestions">
                {x.examples.map((e) => (
                  <li key={e.id}>
                    <blockquote lang="vi">{e.text}</blockquote>
                    <p class="hint">
                      {date(e.date)} · {t(e.source === 'feedback' ? 'scores.themes.fromFeedback' : 'scores.themes.fromSurvey')}
                      {canEdit && (
                        <>
                          {' '}
                          <button type="button" class="button button--secondary" aria-label={t('scores.themes.removeLabel', { theme: label(x.label), date: date(e.date) })} onClick={() => remove(e.id, x.id)}>
                            {t('scores.themes.remove')}
                          </button>{' '}
                          <select
                            aria-label={t('scores.themes.addLabel', { date: date(e.date) })}
                            value=""
                            onChange={(ev) => add(e.id, (ev.currentTarget as HTMLSelectElement).value)}
                          >
                            <option value="">{t('scores.themes.add')}</option>
                            {data.themes.filter((o) => o.id !== x.id).map((o) => <option key={o.id} value={o.id}>{label(o.label)}</option>)}
                          </select>
                        </>
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <p class="hint">{t('scores.themes.note')}</p>
          {message && <p class={message.ok ? 'notice' : 'alert'} role="status">{message.text}</p>}
        </>
      )}
    </section>
  );
}

import type { StaffStore } from '../staff-store';
import type { ScoreOptions, Suggestions } from './scores-api';

/** The newest free-text suggestions within the filters, with their date and unit. */
export function SuggestionList({ store, data, options }: { store: StaffStore; data: Suggestions; options: ScoreOptions }) {
  const { t } = store;
  const lang = store.lang.value;
  const unitName = (code: string) => options.units.find((u) => u.code === code)?.name[lang === 'vi' ? 'vi' : 'en'] ?? code;
  const date = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  return (
    <section class="panel" aria-labelledby="scores-suggestions">
      <h2 id="scores-suggestions">{t('scores.suggestions.heading')}</h2>
      {data.withheld ? (
        <p>{t('scores.suggestions.withheld')}</p>
      ) : data.suggestions.length === 0 ? (
        <p>{t('scores.suggestions.empty')}</p>
      ) : (
        <ul class="suggestions">
          {data.suggestions.map((s, i) => (
            <li key={i}>
              <blockquote lang="vi">{s.text}</blockquote>
              <p class="hint">{date(s.date)} · {unitName(s.unit) || t('scores.notGiven')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

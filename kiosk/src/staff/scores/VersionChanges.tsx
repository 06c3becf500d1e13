import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { localize } from '../../shared/translate';
import type { StaffStore } from '../staff-store';
import type { VersionChange } from './scores-api';

/** Under the trend: from which day each new version applies, and which criteria it added or dropped. */
export function VersionChanges({ store, def, changes }: { store: StaffStore; def: SurveyDefinition; changes: VersionChange[] }) {
  const { t } = store;
  const lang = store.lang.value;
  const criterionName = (id: string) => {
    const c = def.elements.flatMap((e) => e.criteria).find((x) => x.id === id);
    return c ? `${localize(c.text, lang)} (${id})` : id;
  };
  const day = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return (
    <div class="trend__versions">
      <h3>{t('scores.trend.versionsHeading')}</h3>
      <ul>
        {changes.map((c) => (
          <li key={c.version} data-version={c.version}>
            {t('scores.trend.versionChange', { date: day(c.publishedDay), version: c.version })}{' '}
            {c.added.length > 0 && <span>{t('scores.trend.added', { list: c.added.map(criterionName).join('; ') })} </span>}
            {c.removed.length > 0 && <span>{t('scores.trend.removed', { list: c.removed.join('; ') })}</span>}
            {c.added.length === 0 && c.removed.length === 0 && t('scores.trend.unchanged')}
          </li>
        ))}
      </ul>
      <p class="hint">{t('scores.trend.keptNote')}</p>
    </div>
  );
}

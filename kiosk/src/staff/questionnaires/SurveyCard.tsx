// One questionnaire in the list: its published and retired versions and its draft, with actions.
import type { StaffStore } from '../staff-store';
import { exportUrl, retireVersion, type SurveyView } from './questionnaires-api';

interface Props {
  store: StaffStore;
  survey: SurveyView;
  onCopy: (version: number) => void;
  onOpenDraft: () => void;
  onChanged: (message: string) => void;
  onProblem: (message: string) => void;
}

export function SurveyCard({ store, survey: s, onCopy, onOpenDraft, onChanged, onProblem }: Props) {
  const { t } = store;
  const lang = store.lang.value;
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
  const title = s.title[lang] || s.title.vi;
  const headingId = `qe-survey-${s.id}`;
  const retire = (version: number) => {
    if (!confirm(t('questionnaires.list.confirmRetire', { title, version }))) return;
    retireVersion(s.id, version).then(() => onChanged(t('questionnaires.list.retired', { title, version })), (e: unknown) => onProblem(store.explain(e)));
  };
  return (
    <section class="screen qe-survey" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p class="hint">{t('questionnaires.list.about', { id: s.id, method: s.method })}</p>
      {s.draft ? (
        <p class="qe-draft">
          <span>
            {t('questionnaires.list.draft', { version: s.draft.version, basedOn: s.draft.basedOn ?? '—', when: when(s.draft.updatedAt), who: s.draft.updatedBy ?? '—' })}
          </span>
          <button type="button" class="button button--primary" onClick={onOpenDraft}>{t('questionnaires.list.openDraft', { version: s.draft.version })}</button>
        </p>
      ) : (
        <p class="hint">{t('questionnaires.list.noDraft')}</p>
      )}
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{t('questionnaires.list.versionsOf', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('questionnaires.list.version')}</th>
              <th scope="col">{t('questionnaires.list.state')}</th>
              <th scope="col">{t('questionnaires.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {s.versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>
                  {t('questionnaires.list.publishedAt', { when: when(v.publishedAt), who: v.publishedBy ?? '—' })}
                  {v.retiredAt && <><br />{t('questionnaires.list.retiredAt', { when: when(v.retiredAt) })}</>}
                </td>
                <td>
                  <div class="qe-buttons">
                    <button type="button" class="button button--secondary" disabled={!!s.draft} onClick={() => onCopy(v.version)}>
                      {t('questionnaires.list.copy', { version: v.version })}
                    </button>
                    {!v.retiredAt && (
                      <button type="button" class="button button--secondary" onClick={() => retire(v.version)}>
                        {t('questionnaires.list.retire', { version: v.version })}
                      </button>
                    )}
                    <a class="button button--secondary org-link-button" href={exportUrl(s.id, v.version, 'sipas')} download>
                      {t('questionnaires.list.exportSipas', { version: v.version })}
                    </a>
                    <a class="button button--secondary org-link-button" href={exportUrl(s.id, v.version, 'surveyjs')} download>
                      {t('questionnaires.list.exportSurveyjs', { version: v.version })}
                    </a>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// Import a questionnaire from a JSON file (SIPAS or SurveyJS) as a draft.
import { useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { importDefinition, type ExportFormat, type OpenedDraft } from './questionnaires-api';

export function ImportForm({ store, onImported }: { store: StaffStore; onImported: (draft: OpenedDraft) => void }) {
  const { t } = store;
  const [format, setFormat] = useState<ExportFormat>('sipas');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return setProblem(t('questionnaires.import.noFile'));
    setProblem('');
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      return setProblem(t('questionnaires.import.notJson'));
    }
    importDefinition(format, json).then(onImported, (err: unknown) => setProblem(store.explain(err)));
  };
  return (
    <section class="screen" aria-labelledby="qe-import-heading">
      <h2 id="qe-import-heading">{t('questionnaires.import.heading')}</h2>
      <p>{t('questionnaires.import.intro')}</p>
      <form class="form org-form" onSubmit={(e) => void submit(e)}>
        <label class="field" for="qe-import-format">
          {t('questionnaires.import.format')}
          <select id="qe-import-format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
            <option value="sipas">{t('questionnaires.import.sipas')}</option>
            <option value="surveyjs">{t('questionnaires.import.surveyjs')}</option>
          </select>
        </label>
        <label class="field" for="qe-import-file">
          {t('questionnaires.import.file')}
          <input id="qe-import-file" type="file" accept="application/json,.json" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        {problem && <p class="alert" role="alert">{problem}</p>}
        <div class="org-form__buttons">
          <button type="submit" class="button button--primary">{t('questionnaires.import.submit')}</button>
        </div>
      </form>
    </section>
  );
}

// Import a questionnaire from a JSON file (SIPAS or SurveyJS) as a draft.
import { useState } from 'preact/hooks';
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { ApiError } from '../staff-api';
import type { StaffStore } from '../staff-store';
import type { DefinitionIssue } from './definition-issues';
import { issueWords } from './issue-words';
import { importDefinition, type ExportFormat, type OpenedDraft } from './questionnaires-api';

/**
 * Each problem of a refused file: a sipas definition's in the editor's words; a SurveyJS
 * file's by where it is in the file (the server's reason for those is in English only).
 */
function refusals(error: unknown, json: unknown, t: StaffStore['t'], lang: string): string[] {
  if (!(error instanceof ApiError) || !error.issues?.length) return [];
  return (error.issues as DefinitionIssue[]).map((issue) => {
    if (error.code === 'invalid_definition') {
      try {
        return issueWords(json as SurveyDefinition, issue, t, lang).text;
      } catch {
        // A file too far from a definition to name its parts: the path says where.
      }
    }
    return t('questionnaires.import.at', { path: issue.path || '/' });
  });
}

export function ImportForm({ store, onImported }: { store: StaffStore; onImported: (draft: OpenedDraft) => void }) {
  const { t } = store;
  const [format, setFormat] = useState<ExportFormat>('sipas');
  const [file, setFile] = useState<File | null>(null);
  const [id, setId] = useState('');
  const [problem, setProblem] = useState('');
  const [details, setDetails] = useState<string[]>([]);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return setProblem(t('questionnaires.import.noFile'));
    setProblem('');
    setDetails([]);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      return setProblem(t('questionnaires.import.notJson'));
    }
    importDefinition(format, json, id.trim() || undefined).then(onImported, (err: unknown) => {
      setProblem(store.explain(err));
      setDetails(refusals(err, json, t, store.lang.value));
    });
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
        <label class="field" for="qe-import-id">
          {t('questionnaires.import.id')}
          <span class="hint" id="qe-import-id-hint">{t('questionnaires.import.idHint')}</span>
          <input id="qe-import-id" type="text" value={id} required={format === 'surveyjs'} aria-describedby="qe-import-id-hint" pattern="[a-z][a-z0-9\-]{0,47}" onInput={(e) => setId(e.currentTarget.value)} />
        </label>
        <label class="field" for="qe-import-file">
          {t('questionnaires.import.file')}
          <input id="qe-import-file" type="file" accept="application/json,.json" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        {problem && (
          <div class="alert" role="alert">
            <p class="org-problem__heading">{problem}</p>
            {details.length > 0 && <ul class="org-problem__list">{details.map((d, i) => <li key={i}>{d}</li>)}</ul>}
          </div>
        )}
        <div class="org-form__buttons">
          <button type="submit" class="button button--primary">{t('questionnaires.import.submit')}</button>
        </div>
      </form>
    </section>
  );
}

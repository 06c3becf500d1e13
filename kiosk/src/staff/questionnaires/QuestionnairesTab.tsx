// "Bộ câu hỏi" (admins): the questionnaires with their versions and draft; opens the draft editor.
import { useEffect, useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { DraftEditor } from './DraftEditor';
import { ImportForm } from './ImportForm';
import { createDraft, listSurveys, loadDraft, type OpenedDraft, type SurveyView } from './questionnaires-api';
import { SurveyCard } from './SurveyCard';
import './questionnaires.css';

export function QuestionnairesTab({ store }: { store: StaffStore }) {
  const { t } = store;
  const [surveys, setSurveys] = useState<SurveyView[] | null>(null);
  const [opened, setOpened] = useState<OpenedDraft | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const refresh = () => listSurveys().then(setSurveys, (e: unknown) => setProblem(t('common.error', { message: store.explain(e) })));
  useEffect(() => void refresh(), []);
  // Announced once the list shows the change, so what a screen reader says matches the screen.
  const changed = (message: string) => void refresh().then(() => setStatus(message));

  const open = (work: Promise<OpenedDraft>) => {
    setProblem('');
    work.then(setOpened, (e: unknown) => setProblem(store.explain(e)));
  };

  if (opened) {
    return (
      <DraftEditor
        store={store}
        opened={opened}
        onClose={(message) => {
          setOpened(null);
          changed(message);
        }}
      />
    );
  }
  return (
    <div class="qe-list">
      <section class="screen" aria-labelledby="qe-list-heading">
        <h1 id="qe-list-heading">{t('questionnaires.heading')}</h1>
        <p>{t('questionnaires.intro')}</p>
        <p class="org-done" role="status">{status}</p>
        {problem && <p class="alert" role="alert">{problem}</p>}
      </section>
      {!surveys && !problem && <p class="hint">{t('common.loading')}</p>}
      {surveys?.map((s) => (
        <SurveyCard
          key={s.id}
          store={store}
          survey={s}
          onCopy={(version) => open(createDraft(s.id, version))}
          onOpenDraft={() => open(loadDraft(s.id))}
          onChanged={changed}
          onProblem={setProblem}
        />
      ))}
      <ImportForm store={store} onImported={setOpened} />
    </div>
  );
}

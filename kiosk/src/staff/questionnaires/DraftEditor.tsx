// The draft of a questionnaire: every part editable, checked on every change with the schema the
// server uses, shown beside a live preview; saved explicitly, published after a confirmation.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { ApiError } from '../staff-api';
import type { StaffStore } from '../staff-store';
import { draftIssues, type DefinitionIssue } from './definition-issues';
import { moveItem, newElement, newQuestion, freshId, setAt, type Path } from './draft-model';
import { ElementEditor } from './ElementEditor';
import { LocalizedFields, TextField } from './fields';
import { IssueList } from './IssueList';
import { Preview } from './Preview';
import { loadDraft, publishedDefinitions, publishDraft, saveDraft, deleteDraft, type OpenedDraft } from './questionnaires-api';
import { QuestionEditor } from './QuestionEditor';
import { ReorderList } from './ReorderList';
import { ScaleEditor } from './ScaleEditor';
import { GroupsEditor, SectionsEditor } from './StructureEditor';
import { useUnsavedGuard } from './unsaved-guard';

interface Props {
  store: StaffStore;
  opened: OpenedDraft;
  /** Back to the list, with what happened to say there. */
  onClose: (message: string) => void;
}

export function DraftEditor({ store, opened, onClose }: Props) {
  const { t } = store;
  const lang = store.lang.value;
  const [def, setDef] = useState<SurveyDefinition>(opened.definition);
  const [saved, setSaved] = useState<SurveyDefinition>(opened.definition);
  const [updatedAt, setUpdatedAt] = useState(opened.updatedAt);
  const [serverIssues, setServerIssues] = useState<DefinitionIssue[]>([]);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  /** Someone else saved the draft since it was read: it can be read again (this page's changes are lost). */
  const [stale, setStale] = useState(false);
  // The published versions, for the rule that an id keeps its meaning (checked here as on the server).
  const [published, setPublished] = useState<SurveyDefinition[]>([]);
  useEffect(() => void publishedDefinitions(opened.definition.id).then(setPublished, () => undefined), []);
  const issues = useMemo(() => draftIssues(def, published), [def, published]);
  const dirty = def !== saved;
  useUnsavedGuard(dirty, t('questionnaires.draft.confirmLeave'));

  const edit = (path: Path, value: unknown) => {
    setDef((d) => setAt(d, path, value));
    // A refusal was about the draft as it was sent; once changed, the live check speaks for it.
    setServerIssues([]);
    setProblem('');
    setStatus('');
  };
  const refused = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'invalid_definition' && e.issues) setServerIssues(e.issues as DefinitionIssue[]);
    setStale(e instanceof ApiError && e.code === 'draft_changed');
    setProblem(store.explain(e));
  };

  async function save() {
    setBusy(true);
    setProblem('');
    setServerIssues([]);
    try {
      const answer = await saveDraft(def.id, def, updatedAt);
      setDef(answer.definition);
      setSaved(answer.definition);
      setUpdatedAt(answer.updatedAt);
      setStatus(t('questionnaires.draft.saved'));
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    if (!confirm(t('questionnaires.draft.confirmPublish', { version: def.version }))) return;
    setBusy(true);
    setProblem('');
    try {
      const answer = await publishDraft(def.id, updatedAt);
      onClose(t('questionnaires.draft.published', { version: answer.version }));
    } catch (e) {
      refused(e);
      setBusy(false);
    }
  }

  async function discard() {
    if (!confirm(t('questionnaires.draft.confirmDelete'))) return;
    try {
      await deleteDraft(def.id);
      onClose(t('questionnaires.draft.deleted'));
    } catch (e) {
      refused(e);
    }
  }

  async function reload() {
    if (!confirm(t('questionnaires.draft.confirmReload'))) return;
    try {
      const fresh = await loadDraft(def.id);
      setDef(fresh.definition);
      setSaved(fresh.definition);
      setUpdatedAt(fresh.updatedAt);
      setStale(false);
      setProblem('');
      setStatus(t('questionnaires.draft.reloaded'));
    } catch (e) {
      refused(e);
    }
  }

  const back = () => (!dirty || confirm(t('questionnaires.draft.confirmLeave'))) && onClose('');
  const title = def.title[lang] || def.title.vi || def.id;
  const elementName = (el: SurveyDefinition['elements'][number], i: number) => t('questionnaires.element.name', { n: i + 1, title: el.title[lang] || el.title.vi || el.id });
  const questionName = (q: SurveyDefinition['questions'][number], i: number) => t('questionnaires.question.name', { n: i + 1, text: q.text[lang] || q.text.vi || q.id });
  const firstScale = Object.values(def.scales)[0];

  return (
    <div class="qe">
      <section class="screen qe-head" aria-labelledby="qe-heading">
        <h1 id="qe-heading">{t('questionnaires.draft.heading', { title, version: def.version })}</h1>
        <div class="qe-toolbar">
          <button type="button" class="button button--secondary" onClick={back}>{t('questionnaires.draft.back')}</button>
          <button type="button" class="button button--primary" disabled={busy || !dirty} onClick={() => void save()}>{t('questionnaires.draft.save')}</button>
          <button type="button" class="button button--primary" disabled={busy || dirty || issues.length > 0} aria-describedby="qe-publish-why" onClick={() => void publish()}>
            {t('questionnaires.draft.publish', { version: def.version })}
          </button>
          <button type="button" class="button button--danger" disabled={busy} onClick={() => void discard()}>{t('questionnaires.draft.delete')}</button>
        </div>
        <p class="hint" id="qe-publish-why" role="status">
          {issues.length ? t('questionnaires.draft.issueCount', { count: issues.length }) : dirty ? t('questionnaires.draft.unsaved') : `${status} ${t('questionnaires.draft.ready')}`.trim()}
        </p>
        {problem && <p class="alert" role="alert">{problem}</p>}
        {stale && (
          <button type="button" class="button button--secondary" onClick={() => void reload()}>
            {t('questionnaires.draft.reload')}
          </button>
        )}
        <IssueList t={t} lang={lang} def={def} issues={serverIssues} id="qe-server-issues" heading={t('questionnaires.draft.serverIssues')} />
        <IssueList t={t} lang={lang} def={def} issues={issues} id="qe-issues" heading={t('questionnaires.draft.issues', { count: issues.length })} />
      </section>
      <div class="qe-layout">
        <div class="qe-edit">
          <section class="qe-part" aria-labelledby="qe-general-heading">
            <h2 id="qe-general-heading">{t('questionnaires.draft.general')}</h2>
            <LocalizedFields t={t} label={t('questionnaires.fields.title')} path={['title']} value={def.title} onChange={(v) => edit(['title'], v)} />
            <LocalizedFields t={t} label={t('questionnaires.fields.intro')} path={['intro']} value={def.intro} onChange={(v) => edit(['intro'], v)} multiline />
            <TextField label={t('questionnaires.fields.method')} path={['method']} value={def.method} onChange={(v) => edit(['method'], v)} />
          </section>
          <section class="qe-part" aria-labelledby="qe-elements-heading">
            <h2 id="qe-elements-heading">{t('questionnaires.draft.elements')}</h2>
            <ReorderList
              t={t}
              id="qe-elements"
              label={t('questionnaires.draft.elements')}
              items={def.elements}
              name={elementName}
              onMove={(from, to) => edit(['elements'], moveItem(def.elements, from, to))}
              render={(el, i) => (
                <details class="qe-details">
                  <summary>{t('questionnaires.element.summary', { name: elementName(el, i), count: el.criteria.length })}</summary>
                  <ElementEditor
                    t={t}
                    lang={lang}
                    def={def}
                    index={i}
                    element={el}
                    edit={edit}
                    onRemove={() => setDef((d) => ({ ...d, elements: d.elements.filter((_, j) => j !== i), groups: d.groups.map((g) => ({ ...g, elements: g.elements.filter((id) => id !== el.id) })) }))}
                  />
                </details>
              )}
            />
            <button type="button" class="button button--secondary" onClick={() => edit(['elements'], [...def.elements, newElement(def)])}>{t('questionnaires.draft.addElement')}</button>
          </section>
          <section class="qe-part" aria-labelledby="qe-questions-heading">
            <h2 id="qe-questions-heading">{t('questionnaires.draft.questions')}</h2>
            <ReorderList
              t={t}
              id="qe-questions"
              label={t('questionnaires.draft.questions')}
              items={def.questions}
              name={questionName}
              onMove={(from, to) => edit(['questions'], moveItem(def.questions, from, to))}
              render={(q, i) => (
                <details class="qe-details">
                  <summary>{questionName(q, i)}</summary>
                  <QuestionEditor t={t} lang={lang} def={def} index={i} question={q} edit={edit} onRemove={() => edit(['questions'], def.questions.filter((_, j) => j !== i))} />
                </details>
              )}
            />
            <button type="button" class="button button--secondary" onClick={() => edit(['questions'], [...def.questions, newQuestion(def)])}>{t('questionnaires.draft.addQuestion')}</button>
          </section>
          <SectionsEditor t={t} lang={lang} def={def} edit={edit} />
          <GroupsEditor t={t} lang={lang} def={def} edit={edit} />
          <section class="qe-part" aria-labelledby="qe-scales-heading">
            <h2 id="qe-scales-heading">{t('questionnaires.draft.scales')}</h2>
            {Object.entries(def.scales).map(([name, scale]) => (
              <details class="qe-details" key={name}>
                <summary>{t('questionnaires.scale.heading', { scale: name })}</summary>
                <ScaleEditor t={t} name={name} scale={scale} edit={edit} />
              </details>
            ))}
            {firstScale && (
              <button type="button" class="button button--secondary" onClick={() => edit(['scales', freshId('scale', Object.keys(def.scales))], structuredClone(firstScale))}>
                {t('questionnaires.draft.addScale')}
              </button>
            )}
          </section>
        </div>
        <aside class="qe-side" aria-label={t('questionnaires.preview.heading')}>
          <Preview t={t} def={def} />
        </aside>
      </div>
    </div>
  );
}

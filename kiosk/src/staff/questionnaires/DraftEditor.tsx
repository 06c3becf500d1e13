// The draft of a questionnaire: every part editable, checked on every change with the schema the
// server uses, shown beside a live preview; saved explicitly, published after a confirmation.
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import type { StaffStore } from '../staff-store';
import { freshId, moveItem, newElement, newQuestion } from './draft-model';
import { ElementEditor } from './ElementEditor';
import { LocalizedFields, TextField } from './fields';
import { IssueList } from './IssueList';
import { Preview } from './Preview';
import type { OpenedDraft } from './questionnaires-api';
import { QuestionEditor } from './QuestionEditor';
import { ReorderList } from './ReorderList';
import { ScaleEditor } from './ScaleEditor';
import { GroupsEditor, SectionsEditor } from './StructureEditor';
import { useDraft } from './use-draft';

interface Props {
  store: StaffStore;
  opened: OpenedDraft;
  /** Back to the list, with what happened to say there. */
  onClose: (message: string) => void;
}

export function DraftEditor({ store, opened, onClose }: Props) {
  const { t } = store;
  const lang = store.lang.value;
  const { def, issues, serverIssues, dirty, status, problem, busy, stale, edit, change, save, publish, discard, reload } = useDraft(store, opened, onClose);
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
                    onRemove={() => change((d) => ({ ...d, elements: d.elements.filter((_, j) => j !== i), groups: d.groups.map((g) => ({ ...g, elements: g.elements.filter((id) => id !== el.id) })) }))}
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

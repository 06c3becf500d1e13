// The state of an open draft: the definition as edited and as last saved, its live issues, and
// saving, publishing, deleting and loading it again with the server's answers in words.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { ApiError } from '../staff-api';
import type { StaffStore } from '../staff-store';
import { draftIssues, type DefinitionIssue } from './definition-issues';
import { setAt, type Path } from './draft-model';
import { deleteDraft, loadDraft, publishedDefinitions, publishDraft, saveDraft, type OpenedDraft } from './questionnaires-api';
import { useUnsavedGuard } from './unsaved-guard';

export function useDraft(store: StaffStore, opened: OpenedDraft, onClose: (message: string) => void) {
  const { t } = store;
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

  /** Any change of the draft (a whole-draft one such as removing an element with its group places). */
  const change = (next: (d: SurveyDefinition) => SurveyDefinition) => {
    setDef(next);
    // A refusal was about the draft as it was sent; once changed, the live check speaks for it.
    setServerIssues([]);
    setProblem('');
    setStatus('');
  };
  const edit = (path: Path, value: unknown) => change((d) => setAt(d, path, value));
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


  return { def, issues, serverIssues, dirty, status, problem, busy, stale, edit, change, save, publish, discard, reload };
}

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answers } from '../../../../survey-defs/check-answers';
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { randomId } from '../../shared/random-id';
import { useLatestAnswer } from '../../shared/use-latest-answer';
import { loadDefinition, loadOptions, loadSurveys, type ScoreOptions, type SurveySummary } from '../scores/scores-api';
import { api, ApiError } from '../staff-api';
import type { StaffStore } from '../staff-store';
import { PaperFieldRow } from './PaperFieldRow';
import { paperFields, withAnswer } from './paper-fields';
import './paper.css';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/**
 * Typing in the paper forms collected at the counter, fast: a digit answers a question and moves
 * to the next (0 = no opinion), Enter saves the form and starts the next one. Each form is checked
 * like any answer and audited with who typed it.
 */
export function PaperEntryTab({ store }: { store: StaffStore }) {
  const { t, lang } = store;
  const [options, setOptions] = useState<ScoreOptions | null>(null);
  const [surveys, setSurveys] = useState<SurveySummary[]>([]);
  const [setup, setSetup] = useState({ survey: 'sipas-2017', unit: '', procedure: '', official: '', date: today() });
  const [def, setDef] = useState<SurveyDefinition | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [formId, setFormId] = useState(randomId());
  const [saved, setSaved] = useState(0);
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);

  useEffect(() => {
    loadOptions().then((o) => {
      setOptions(o);
      setSetup((s) => ({ ...s, unit: o.units.find((u) => u.code === store.user.value?.unit)?.code ?? o.units[0]?.code ?? '' }));
    }, (e: unknown) => setProblems([t('common.error', { message: store.explain(e) })]));
    loadSurveys().then(setSurveys, () => undefined);
  }, []);
  const latestDefinition = useLatestAnswer();
  useEffect(() => {
    // Another questionnaire is a fresh form: nothing typed for the last one is carried over, and
    // a definition that arrives after the choice changed again is dropped, not shown.
    setDef(null);
    setAnswers({});
    setProblems([]);
    setFormId(randomId());
    latestDefinition(loadDefinition(setup.survey), setDef, (e: unknown) => setProblems([t('common.error', { message: store.explain(e) })]));
  }, [setup.survey]);

  if (!options || !def) return problems.length ? <p class="alert" role="alert">{problems[0]}</p> : <p class="hint">{t('common.loading')}</p>;
  const fields = paperFields(def);
  const name = (n: { vi: string; en: string }) => (lang.value === 'en' ? n.en : n.vi);
  const change = (key: keyof typeof setup) => (e: Event) => setSetup({ ...setup, [key]: (e.currentTarget as HTMLSelectElement).value, ...(key === 'unit' ? { official: '' } : {}) });
  const officials = options.officials.filter((o) => o.unit === setup.unit || isBelow(options, o.unit, setup.unit));
  const questionOf = (path: string) => {
    const i = fields.findIndex((f) => `answers.${f.id}` === path);
    return i >= 0 ? t('paper.question', { n: i + 1 }) : t(`paper.fields.${path}`);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblems([]);
    try {
      const body = {
        id: formId, surveyId: def.id, surveyVersion: def.version, answers, channel: 'paper', unit: setup.unit,
        ...(setup.procedure ? { procedure: setup.procedure } : {}), ...(setup.official ? { official: setup.official } : {}),
        // A paper form carries its date, not its hour: filed under that Vietnam date.
        submittedAt: `${setup.date}T00:00:00+07:00`,
      };
      const stored = await api<{ status: 'created' | 'replayed' }>('/api/responses', { json: body });
      const count = stored.status === 'created' ? saved + 1 : saved;
      setSaved(count);
      setStatus(stored.status === 'created' ? t('paper.saved', { n: count }) : t('paper.alreadySaved'));
      setAnswers({});
      setFormId(randomId());
      inputs.current[0]?.focus();
    } catch (err) {
      // The same form (same id) may be sent again once the problem is fixed: it is stored once.
      const issues = err instanceof ApiError ? (err.issues ?? []) : [];
      setProblems(issues.length ? issues.map((i) => `${questionOf(i.path)}: ${t(`paper.issues.${i.code}`, {})}`) : [t('paper.failed', { reason: store.explain(err) })]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="screen paper" aria-labelledby="paper-heading">
      <h1 id="paper-heading">{t('paper.heading')}</h1>
      <p class="hint">{t('paper.intro')}</p>
      <div class="paper-setup">
        <div class="field">
          <label for="paper-survey">{t('paper.survey')}</label>
          <select id="paper-survey" value={setup.survey} onChange={change('survey')}>
            {surveys.map((s) => <option key={s.id} value={s.id}>{s.title[lang.value] ?? s.title.vi}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="paper-unit">{t('paper.unit')}</label>
          <select id="paper-unit" value={setup.unit} onChange={change('unit')}>
            {options.units.map((u) => <option key={u.code} value={u.code}>{name(u.name)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="paper-procedure">{t('paper.procedure')}</label>
          <select id="paper-procedure" value={setup.procedure} onChange={change('procedure')}>
            <option value="">{t('paper.none')}</option>
            {options.procedures.map((p) => <option key={p.code} value={p.code}>{p.code} · {name(p.name)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="paper-official">{t('paper.official')}</label>
          <select id="paper-official" value={setup.official} onChange={change('official')}>
            <option value="">{t('paper.none')}</option>
            {officials.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="paper-date">{t('paper.date')}</label>
          <input id="paper-date" type="date" value={setup.date} max={today()} onChange={change('date')} />
        </div>
      </div>
      <p class="paper-count" role="status">{status || t('paper.none_saved')}</p>
      {problems.length > 0 && (
        <div class="alert" role="alert">
          <p>{t('paper.fix')}</p>
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      )}
      <form class="paper-form" onSubmit={save} aria-label={t('paper.formLabel')}>
        <ol class="paper-fields">
          {fields.map((f, i) => (
            <PaperFieldRow
              key={`${def.id}-${f.id}`}
              field={f}
              number={i + 1}
              value={answers[f.id]}
              lang={lang.value}
              noOpinionLabel={t('paper.noOpinion')}
              inputRef={(el: HTMLInputElement | null) => void (inputs.current[i] = el)}
              onAnswer={(v) => setAnswers((a) => withAnswer(a, f.id, v))}
              onNext={() => inputs.current[i + 1]?.focus()}
            />
          ))}
        </ol>
        <button type="submit" class="button button--primary" disabled={busy}>{t('paper.save')}</button>
      </form>
    </section>
  );
}

/** Whether unit `code` lies below `ancestor` in the organisation. */
function isBelow(options: ScoreOptions, code: string, ancestor: string): boolean {
  for (let u = options.units.find((x) => x.code === code); u?.parent; u = options.units.find((x) => x.code === u!.parent)) {
    if (u.parent === ancestor) return true;
  }
  return false;
}

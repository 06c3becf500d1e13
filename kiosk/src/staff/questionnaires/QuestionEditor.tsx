// One question of the draft: type, texts, options, section, when it is asked, how it is reported.
import type { Question, SurveyDefinition } from '../../../../survey-defs/schema';
import { changeQuestionType, moveItem, newOption, type Path } from './draft-model';
import { Checkbox, LocalizedFields, NumberField, SelectField, TextField, type T } from './fields';
import { fieldId } from './issue-words';
import { ReorderList } from './ReorderList';

interface Props {
  t: T;
  lang: string;
  def: SurveyDefinition;
  index: number;
  question: Question;
  edit: (path: Path, value: unknown) => void;
  onRemove: () => void;
}

type Choice = Extract<Question, { type: 'single' | 'multi' }>;

export function QuestionEditor({ t, lang, def, index, question: q, edit, onRemove }: Props) {
  const at = (...rest: Path): Path => ['questions', index, ...rest];
  const name = t('questionnaires.question.name', { n: index + 1, text: q.text[lang] || q.text.vi || q.id });
  const earlier = def.questions.slice(0, index).filter((e): e is Choice => e.type !== 'text');
  const condition = q.showIf ? earlier.find((e) => e.id === q.showIf!.question) : undefined;
  const toggle = (list: string[] | undefined, id: string, on: boolean) => (on ? [...(list ?? []), id] : (list ?? []).filter((x) => x !== id));
  return (
    <section class="qe-card" aria-labelledby={fieldId(at('heading'))}>
      <h3 id={fieldId(at('heading'))}>{name}</h3>
      <div class="qe-row">
        <TextField label={t('questionnaires.fields.id')} path={at('id')} value={q.id} onChange={(v) => edit(at('id'), v)} />
        <SelectField label={t('questionnaires.fields.type')} path={at('type')} value={q.type} onChange={(v) => edit(at(), changeQuestionType(q, v as Question['type']))}>
          {(['single', 'multi', 'text'] as const).map((type) => <option key={type} value={type}>{t(`questionnaires.question.types.${type}`)}</option>)}
        </SelectField>
        <SelectField label={t('questionnaires.fields.section')} path={at('section')} value={q.section ?? ''} onChange={(v) => edit(at('section'), v || undefined)}>
          <option value="">{t('questionnaires.question.noSection')}</option>
          {q.section && !def.sections.some((s) => s.id === q.section) && <option value={q.section}>{q.section}</option>}
          {def.sections.map((s) => <option key={s.id} value={s.id}>{s.title[lang] || s.title.vi || s.id}</option>)}
        </SelectField>
        <Checkbox label={t('questionnaires.fields.required')} path={at('required')} checked={q.required} onChange={(v) => edit(at('required'), v)} />
      </div>
      <LocalizedFields t={t} label={t('questionnaires.question.text')} path={at('text')} value={q.text} onChange={(v) => edit(at('text'), v)} multiline />
      <LocalizedFields t={t} label={t('questionnaires.fields.help')} path={at('help')} value={q.help} optional onChange={(v) => edit(at('help'), v)} />
      {q.type === 'text' && <NumberField label={t('questionnaires.fields.maxLength')} path={at('maxLength')} value={q.maxLength} min={1} onChange={(v) => edit(at('maxLength'), v)} />}
      {q.type !== 'text' && (
        <>
          <h4>{t('questionnaires.fields.options')}</h4>
          <ReorderList
            t={t}
            id={fieldId(at('options'))}
            label={t('questionnaires.question.optionsOf', { question: name })}
            items={q.options}
            name={(o, i) => t('questionnaires.question.optionName', { n: i + 1, label: o.label[lang] || o.label.vi || o.id })}
            onMove={(from, to) => edit(at('options'), moveItem(q.options, from, to))}
            render={(o, i) => (
              <div class="qe-row">
                <TextField label={t('questionnaires.fields.id')} path={at('options', i, 'id')} value={o.id} onChange={(v) => edit(at('options', i, 'id'), v)} />
                <LocalizedFields t={t} label={t('questionnaires.question.optionLabel', { n: i + 1 })} path={at('options', i, 'label')} value={o.label} onChange={(v) => edit(at('options', i, 'label'), v)} />
                <button type="button" class="button button--secondary qe-remove" onClick={() => edit(at('options'), q.options.filter((_, j) => j !== i))}>
                  {t('questionnaires.question.removeOption', { n: i + 1 })}
                </button>
              </div>
            )}
          />
          <button type="button" class="button button--secondary" onClick={() => edit(at('options'), [...q.options, newOption(q.options)])}>
            {t('questionnaires.question.addOption')}
          </button>
        </>
      )}
      <fieldset class="qe-group" id={fieldId(at('showIf'))} tabIndex={-1}>
        <legend>{t('questionnaires.fields.showIf')}</legend>
        <SelectField label={t('questionnaires.question.showIfQuestion')} path={at('showIf', 'question')} value={q.showIf?.question ?? ''} onChange={(v) => edit(at('showIf'), v ? { question: v, anyOf: [] } : undefined)}>
          <option value="">{t('questionnaires.question.always')}</option>
          {q.showIf && !condition && <option value={q.showIf.question}>{q.showIf.question}</option>}
          {earlier.map((e) => <option key={e.id} value={e.id}>{e.text[lang] || e.text.vi || e.id}</option>)}
        </SelectField>
        {condition && (
          <fieldset class="qe-group" id={fieldId(at('showIf', 'anyOf'))} tabIndex={-1}>
            <legend>{t('questionnaires.question.showIfAnyOf')}</legend>
            {condition.options.map((o) => (
              <Checkbox key={o.id} label={o.label[lang] || o.label.vi || o.id} path={at('showIf', 'anyOf', o.id)} checked={q.showIf!.anyOf.includes(o.id)} onChange={(on) => edit(at('showIf', 'anyOf'), toggle(q.showIf!.anyOf, o.id, on))} />
            ))}
          </fieldset>
        )}
      </fieldset>
      {q.type === 'single' && (
        <fieldset class="qe-group">
          <legend>{t('questionnaires.question.reporting')}</legend>
          <SelectField
            label={t('questionnaires.fields.report')}
            path={at('report')}
            value={q.report ?? ''}
            onChange={(v) => edit(at(), { ...q, report: v || undefined, priority: v === 'expectation' ? q.priority ?? [] : undefined })}
          >
            <option value="">{t('questionnaires.question.reportNone')}</option>
            <option value="share">{t('questionnaires.question.reportShare')}</option>
            <option value="expectation">{t('questionnaires.question.reportExpectation')}</option>
          </SelectField>
          {q.report === 'expectation' && (
            <fieldset class="qe-group" id={fieldId(at('priority'))} tabIndex={-1}>
              <legend>{t('questionnaires.fields.priority')}</legend>
              {q.options.map((o) => (
                <Checkbox key={o.id} label={o.label[lang] || o.label.vi || o.id} path={at('priority', o.id)} checked={(q.priority ?? []).includes(o.id)} onChange={(on) => edit(at('priority'), toggle(q.priority, o.id, on))} />
              ))}
            </fieldset>
          )}
          <Checkbox label={t('questionnaires.fields.breakdown')} path={at('breakdown')} checked={q.breakdown} onChange={(v) => edit(at('breakdown'), v)} />
        </fieldset>
      )}
      <button type="button" class="button button--secondary qe-remove" onClick={onRemove}>
        {t('questionnaires.question.remove', { name })}
      </button>
    </section>
  );
}

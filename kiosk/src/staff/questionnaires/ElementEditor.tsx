// One element of the draft: its title and weight, and its criteria (text, help, scale, required).
import type { Element, SurveyDefinition } from '../../../../survey-defs/schema';
import { moveItem, newCriterion, type Path } from './draft-model';
import { Checkbox, LocalizedFields, NumberField, SelectField, TextField, type T } from './fields';
import { fieldId } from './issue-words';
import { ReorderList } from './ReorderList';

interface Props {
  t: T;
  lang: string;
  def: SurveyDefinition;
  index: number;
  element: Element;
  edit: (path: Path, value: unknown) => void;
  onRemove: () => void;
}

export function ElementEditor({ t, lang, def, index, element, edit, onRemove }: Props) {
  const at = (...rest: Path): Path => ['elements', index, ...rest];
  const title = element.title[lang] || element.title.vi;
  const criterionName = (c: Element['criteria'][number], i: number) => t('questionnaires.element.criterionName', { n: i + 1, text: c.text[lang] || c.text.vi || c.id });
  return (
    <section class="qe-card" aria-labelledby={fieldId(at('heading'))}>
      <h3 id={fieldId(at('heading'))}>{t('questionnaires.element.heading', { n: index + 1, title })}</h3>
      <div class="qe-row">
        <TextField label={t('questionnaires.fields.id')} path={at('id')} value={element.id} onChange={(v) => edit(at('id'), v)} />
        <NumberField label={t('questionnaires.fields.weight')} path={at('weight')} value={element.weight} min={0} step={0.1} onChange={(v) => edit(at('weight'), v)} />
      </div>
      <LocalizedFields t={t} label={t('questionnaires.element.title')} path={at('title')} value={element.title} onChange={(v) => edit(at('title'), v)} />
      <h4>{t('questionnaires.element.criteria')}</h4>
      <ReorderList
        t={t}
        id={fieldId(at('criteria'))}
        label={t('questionnaires.element.criteriaOf', { title })}
        items={element.criteria}
        name={criterionName}
        onMove={(from, to) => edit(at('criteria'), moveItem(element.criteria, from, to))}
        render={(c, i) => (
          <div class="qe-criterion" aria-label={criterionName(c, i)} role="group">
            <div class="qe-row">
              <TextField label={t('questionnaires.fields.id')} path={at('criteria', i, 'id')} value={c.id} onChange={(v) => edit(at('criteria', i, 'id'), v)} />
              <SelectField label={t('questionnaires.fields.scale')} path={at('criteria', i, 'scale')} value={c.scale} onChange={(v) => edit(at('criteria', i, 'scale'), v)}>
                {!def.scales[c.scale] && <option value={c.scale}>{c.scale}</option>}
                {Object.keys(def.scales).map((s) => <option key={s} value={s}>{s}</option>)}
              </SelectField>
              <Checkbox label={t('questionnaires.fields.required')} path={at('criteria', i, 'required')} checked={c.required} onChange={(v) => edit(at('criteria', i, 'required'), v)} />
            </div>
            <LocalizedFields t={t} label={t('questionnaires.element.criterionText', { n: i + 1 })} path={at('criteria', i, 'text')} value={c.text} onChange={(v) => edit(at('criteria', i, 'text'), v)} multiline />
            <LocalizedFields t={t} label={t('questionnaires.fields.help')} path={at('criteria', i, 'help')} value={c.help} optional onChange={(v) => edit(at('criteria', i, 'help'), v)} />
            <button type="button" class="button button--secondary qe-remove" onClick={() => edit(at('criteria'), element.criteria.filter((_, j) => j !== i))}>
              {t('questionnaires.element.removeCriterion', { name: criterionName(c, i) })}
            </button>
          </div>
        )}
      />
      <div class="qe-buttons">
        <button type="button" class="button button--secondary" onClick={() => edit(at('criteria'), [...element.criteria, newCriterion(def)])}>
          {t('questionnaires.element.addCriterion', { title })}
        </button>
        <button type="button" class="button button--secondary qe-remove" onClick={onRemove}>
          {t('questionnaires.element.remove', { title })}
        </button>
      </div>
    </section>
  );
}

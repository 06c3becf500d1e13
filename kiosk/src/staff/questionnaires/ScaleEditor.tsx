// One scale of the draft: its levels (value, words, face), which values count as satisfied and
// as dissatisfied, and whether "no opinion" is offered.
import type { Scale } from '../../../../survey-defs/schema';
import type { Path } from './draft-model';
import { Checkbox, LocalizedFields, NumberField, SelectField, type T } from './fields';
import { fieldId } from './issue-words';

const FACES = ['very-sad', 'sad', 'neutral', 'happy', 'very-happy'] as const;

interface Props {
  t: T;
  name: string;
  scale: Scale;
  edit: (path: Path, value: unknown) => void;
}

export function ScaleEditor({ t, name, scale, edit }: Props) {
  const at = (...rest: Path): Path => ['scales', name, ...rest];
  const values = scale.levels.map((l) => l.value);
  const toggle = (key: 'satisfied' | 'dissatisfied', v: number, on: boolean) => edit(at(key), on ? [...scale[key], v].sort((a, b) => a - b) : scale[key].filter((x) => x !== v));
  return (
    <section class="qe-card" aria-labelledby={fieldId(at('heading'))}>
      <h3 id={fieldId(at('heading'))}>{t('questionnaires.scale.heading', { scale: name })}</h3>
      <ol class="qe-plain" id={fieldId(at('levels'))} tabIndex={-1} aria-label={t('questionnaires.fields.levels')}>
        {scale.levels.map((level, i) => (
          <li key={i} class="qe-row">
            <NumberField label={t('questionnaires.scale.value', { n: i + 1 })} path={at('levels', i, 'value')} value={level.value} min={1} onChange={(v) => edit(at('levels', i, 'value'), v)} />
            <SelectField label={t('questionnaires.scale.face', { n: i + 1 })} path={at('levels', i, 'face')} value={level.face} onChange={(v) => edit(at('levels', i, 'face'), v)}>
              {FACES.map((f) => <option key={f} value={f}>{t(`questionnaires.scale.faces.${f}`)}</option>)}
            </SelectField>
            <LocalizedFields t={t} label={t('questionnaires.scale.label', { n: i + 1 })} path={at('levels', i, 'label')} value={level.label} onChange={(v) => edit(at('levels', i, 'label'), v)} />
            <button type="button" class="button button--secondary qe-remove" onClick={() => edit(at('levels'), scale.levels.filter((_, j) => j !== i))}>
              {t('questionnaires.scale.removeLevel', { n: i + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        class="button button--secondary"
        onClick={() => edit(at('levels'), [...scale.levels, { value: Math.max(0, ...values) + 1, label: { vi: '' }, face: 'neutral' }])}
      >
        {t('questionnaires.scale.addLevel')}
      </button>
      {(['satisfied', 'dissatisfied'] as const).map((key) => (
        <fieldset class="qe-group" key={key} id={fieldId(at(key))} tabIndex={-1}>
          <legend>{t(`questionnaires.fields.${key}`)}</legend>
          {values.map((v) => (
            <Checkbox key={v} label={String(v)} path={at(key, `v${v}`)} checked={scale[key].includes(v)} onChange={(on) => toggle(key, v, on)} />
          ))}
        </fieldset>
      ))}
      <Checkbox label={t('questionnaires.fields.noOpinion')} path={at('noOpinion')} checked={scale.noOpinion} onChange={(v) => edit(at('noOpinion'), v)} />
    </section>
  );
}

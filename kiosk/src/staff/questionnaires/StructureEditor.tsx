// The draft's sections (screens of questions), its groups of elements and the overall rule.
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { freshId, type Path } from './draft-model';
import { Checkbox, LocalizedFields, NumberField, SelectField, TextField, type T } from './fields';
import { fieldId } from './issue-words';

interface Props {
  t: T;
  lang: string;
  def: SurveyDefinition;
  edit: (path: Path, value: unknown) => void;
}

const OVERALL = ['mean', 'weighted-mean', 'mean-of-groups', 'weighted-mean-of-groups'] as const;

export function SectionsEditor({ t, def, edit }: Props) {
  return (
    <section class="qe-part" aria-labelledby="qe-sections-heading">
      <h2 id="qe-sections-heading">{t('questionnaires.sections.heading')}</h2>
      <ol class="qe-plain" id={fieldId(['sections'])} tabIndex={-1} aria-label={t('questionnaires.sections.heading')}>
        {def.sections.map((s, i) => (
          <li key={i} class="qe-card">
            <TextField label={t('questionnaires.fields.id')} path={['sections', i, 'id']} value={s.id} onChange={(v) => edit(['sections', i, 'id'], v)} />
            <LocalizedFields t={t} label={t('questionnaires.sections.title', { n: i + 1 })} path={['sections', i, 'title']} value={s.title} onChange={(v) => edit(['sections', i, 'title'], v)} />
            <button type="button" class="button button--secondary qe-remove" onClick={() => edit(['sections'], def.sections.filter((_, j) => j !== i))}>
              {t('questionnaires.sections.remove', { n: i + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" class="button button--secondary" onClick={() => edit(['sections'], [...def.sections, { id: freshId('section', def.sections.map((s) => s.id)), title: { vi: '' } }])}>
        {t('questionnaires.sections.add')}
      </button>
    </section>
  );
}

export function GroupsEditor({ t, lang, def, edit }: Props) {
  return (
    <section class="qe-part" aria-labelledby="qe-groups-heading">
      <h2 id="qe-groups-heading">{t('questionnaires.groups.heading')}</h2>
      <SelectField label={t('questionnaires.fields.overall')} path={['scoring', 'overall']} value={def.scoring.overall} onChange={(v) => edit(['scoring', 'overall'], v)}>
        {OVERALL.map((o) => <option key={o} value={o}>{t(`questionnaires.groups.overall.${o}`)}</option>)}
      </SelectField>
      <ol class="qe-plain" id={fieldId(['groups'])} tabIndex={-1} aria-label={t('questionnaires.groups.heading')}>
        {def.groups.map((g, i) => (
          <li key={i} class="qe-card">
            <div class="qe-row">
              <TextField label={t('questionnaires.fields.id')} path={['groups', i, 'id']} value={g.id} onChange={(v) => edit(['groups', i, 'id'], v)} />
              <NumberField label={t('questionnaires.fields.weight')} path={['groups', i, 'weight']} value={g.weight} min={0} step={0.1} onChange={(v) => edit(['groups', i, 'weight'], v)} />
            </div>
            <LocalizedFields t={t} label={t('questionnaires.groups.title', { n: i + 1 })} path={['groups', i, 'title']} value={g.title} onChange={(v) => edit(['groups', i, 'title'], v)} />
            <fieldset class="qe-group" id={fieldId(['groups', i, 'elements'])} tabIndex={-1}>
              <legend>{t('questionnaires.groups.elements', { n: i + 1 })}</legend>
              {def.elements.map((el) => (
                <Checkbox
                  key={el.id}
                  label={el.title[lang] || el.title.vi || el.id}
                  path={['groups', i, 'elements', el.id]}
                  checked={g.elements.includes(el.id)}
                  onChange={(on) => edit(['groups', i, 'elements'], on ? def.elements.map((e) => e.id).filter((id) => id === el.id || g.elements.includes(id)) : g.elements.filter((id) => id !== el.id))}
                />
              ))}
            </fieldset>
            <button type="button" class="button button--secondary qe-remove" onClick={() => edit(['groups'], def.groups.filter((_, j) => j !== i))}>
              {t('questionnaires.groups.remove', { n: i + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" class="button button--secondary" onClick={() => edit(['groups'], [...def.groups, { id: freshId('group', def.groups.map((g) => g.id)), title: { vi: '' }, elements: [], weight: 1 }])}>
        {t('questionnaires.groups.add')}
      </button>
    </section>
  );
}

import { useState } from 'preact/hooks';
import { vietnamToday } from '../scores/dashboard-filter';
import { useFocusOnShow } from '../devices/use-focus-on-show';
import type { StaffStore } from '../staff-store';
import { describeAsked, type SurveySettingValue } from '../survey-setting/survey-setting';
import { SurveySettingFields } from '../survey-setting/SurveySettingFields';
import { addUnit, editUnit, setUnitSurvey, UNIT_KINDS, type Organisation, type UnitKind, type UnitView } from './organisation-api';
import { subtree, unitName } from './organisation-text';
import { Problem } from './Problem';
import { UnitOptions } from './UnitChoices';

export type UnitFormMode = { mode: 'add'; parent: string | null } | { mode: 'edit'; unit: UnitView } | { mode: 'move'; unit: UnitView };

interface Props {
  store: StaffStore;
  org: Organisation;
  form: UnitFormMode;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Add a unit, rename one (names, kind, order), or move one under another parent from a date. */
export function UnitForm({ store, org, form, onDone, onCancel }: Props) {
  const { t, lang } = store;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useFocusOnShow<HTMLHeadingElement>();
  const today = vietnamToday();
  const unit = form.mode === 'add' ? null : form.unit;
  const initialSurvey: SurveySettingValue = { surveyId: unit?.survey?.surveyId ?? null, parts: unit?.survey?.parts ?? null };
  const [survey, setSurvey] = useState<SurveySettingValue>(initialSurvey);
  const parentUnit = unit?.parent ? org.units.find((u) => u.code === unit.parent) : undefined;
  const title =
    form.mode === 'add' ? t('organisation.units.addHeading') : t(`organisation.units.${form.mode}Heading`, { name: unitName(form.unit, lang.value) });

  const submit = async (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const text = (key: string) => String(data.get(key) ?? '').trim();
    const parent = text('parent') || null;
    setBusy(true);
    setError(null);
    try {
      if (form.mode === 'add') {
        await addUnit({ code: text('code'), nameVi: text('nameVi'), nameEn: text('nameEn') || undefined, kind: text('kind') as UnitKind, parent, order: Number(text('order') || 0) });
        onDone(t('organisation.saved.added', { name: text('nameVi') }));
      } else if (form.mode === 'edit') {
        await editUnit(form.unit.code, { nameVi: text('nameVi'), nameEn: text('nameEn') || text('nameVi'), kind: text('kind') as UnitKind, order: Number(text('order') || 0) });
        if (JSON.stringify(survey) !== JSON.stringify(initialSurvey)) await setUnitSurvey(form.unit.code, survey.surveyId, survey.parts);
        onDone(t('organisation.saved.changed', { name: text('nameVi') }));
      } else {
        await editUnit(form.unit.code, { parent, effectiveFrom: text('effectiveFrom') || today });
        onDone(t('organisation.saved.moved', { name: unitName(form.unit, lang.value) }));
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  // A unit cannot go under itself or a unit below it; only an admin places units at the top.
  const below = unit ? subtree(org.units, unit.code) : undefined;
  const parentField = (label: string, value: string | null) => (
    <label class="field">
      <span>{label}</span>
      <select name="parent" required={!org.canAddTop}>
        {org.canAddTop && <option value="" selected={value === null}>{t('organisation.units.top')}</option>}
        <UnitOptions units={org.units} lang={lang.value} except={below} selected={value} />
      </select>
    </label>
  );

  return (
    <form class="screen form org-form" onSubmit={submit} aria-labelledby="org-unit-form">
      <h2 id="org-unit-form" tabIndex={-1} ref={heading}>{title}</h2>
      <Problem store={store} error={error} heading={t('organisation.notSaved')} />
      {form.mode === 'add' && (
        <label class="field">
          <span>{t('organisation.units.code')}</span>
          <input name="code" required maxLength={32} pattern="[A-Za-z0-9][A-Za-z0-9._\-]*" autoComplete="off" aria-describedby="org-code-hint" />
          <span class="hint" id="org-code-hint">{t('organisation.codeHint')}</span>
        </label>
      )}
      {form.mode !== 'move' && (
        <>
          <label class="field">
            <span>{t('organisation.units.nameVi')}</span>
            <input name="nameVi" required maxLength={300} defaultValue={unit?.nameVi ?? ''} autoComplete="off" />
          </label>
          <label class="field">
            <span>{t('organisation.units.nameEn')}</span>
            <input name="nameEn" maxLength={300} defaultValue={unit?.nameEn ?? ''} autoComplete="off" lang="en" />
          </label>
          <label class="field">
            <span>{t('organisation.units.kind')}</span>
            <select name="kind">
              {UNIT_KINDS.map((k) => (
                <option key={k} value={k} selected={k === (unit?.kind ?? 'department')}>{t(`organisation.kinds.${k}`)}</option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{t('organisation.units.order')}</span>
            <input name="order" type="number" min={0} max={100000} step={1} defaultValue={String(unit?.order ?? 0)} />
          </label>
        </>
      )}
      {form.mode === 'edit' && (
        <>
          {form.unit.asks && <p class="hint">{t('survey.asks', describeAsked(org.surveys, form.unit.asks, lang.value, t('survey.allParts')))}</p>}
          <SurveySettingFields
            id={`unit-${form.unit.code}`}
            choices={org.surveys}
            value={survey}
            onChange={setSurvey}
            inheritLabel={parentUnit ? t('survey.inheritParent', { name: unitName(parentUnit, lang.value) }) : t('survey.inheritParent', { name: 'sipas-2017' })}
            t={t}
            lang={lang.value}
          />
        </>
      )}
      {form.mode === 'add' && parentField(t('organisation.units.parent'), form.parent)}
      {form.mode === 'move' && (
        <>
          {parentField(t('organisation.units.newParent'), form.unit.parent)}
          <label class="field">
            <span>{t('organisation.units.effectiveFrom')}</span>
            <input name="effectiveFrom" type="date" required max={today} defaultValue={today} aria-describedby="org-effective-hint" />
            <span class="hint" id="org-effective-hint">{t('organisation.units.effectiveHint')}</span>
          </label>
        </>
      )}
      <div class="org-form__buttons">
        <button class="button button--primary" type="submit" disabled={busy}>{t('common.save')}</button>
        <button class="button button--secondary" type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

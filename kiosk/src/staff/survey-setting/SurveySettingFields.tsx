import type { SurveyChoice, SurveySettingValue } from './survey-setting';
import { titleOf } from './survey-setting';

interface Props {
  /** Prefix of the controls' ids: several forms may show these fields at once. */
  id: string;
  choices: readonly SurveyChoice[];
  value: SurveySettingValue;
  onChange: (next: SurveySettingValue) => void;
  /** The first option's words ("As the unit (…)"), choosing no setting of its own; none: a questionnaire must be chosen. */
  inheritLabel?: string;
  /** Extra options after the questionnaires (the invitation's "quick rating only"). */
  extra?: { id: string; label: string }[];
  t: (key: string, params?: Record<string, string | number>) => string;
  lang: string;
}

/**
 * The questionnaire choice and, when the chosen questionnaire has parts (groups), a checkbox for
 * each. Every box ticked is sent as null (every part), as the server stores it.
 */
export function SurveySettingFields({ id, choices, value, onChange, inheritLabel, extra = [], t, lang }: Props) {
  const chosen = choices.find((c) => c.id === value.surveyId);
  const ticked = (part: string) => !value.parts?.length || value.parts.includes(part);
  const toggle = (part: string, on: boolean) => {
    const all = chosen!.parts.map((p) => p.id);
    const next = all.filter((p) => (p === part ? on : ticked(p)));
    onChange({ surveyId: value.surveyId, parts: next.length === all.length || next.length === 0 ? null : next });
  };
  return (
    <fieldset class="choice survey-setting">
      <legend class="choice__legend">{t('survey.legend')}</legend>
      <label class="field" htmlFor={`${id}-survey`}>
        <span>{t('survey.survey')}</span>
        <select id={`${id}-survey`} value={value.surveyId ?? ''} onChange={(e) => onChange({ surveyId: e.currentTarget.value || null, parts: null })}>
          {inheritLabel !== undefined && <option value="">{inheritLabel}</option>}
          {choices.map((c) => <option key={c.id} value={c.id}>{titleOf(c.title, lang)}</option>)}
          {extra.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
        </select>
      </label>
      {chosen && chosen.parts.length > 0 && (
        <fieldset class="choice" aria-describedby={`${id}-parts-hint`}>
          <legend class="choice__legend">{t('survey.partsLegend')}</legend>
          <p class="hint" id={`${id}-parts-hint`}>{t('survey.partsHint')}</p>
          <div class="choice__options">
            {chosen.parts.map((p) => (
              <label class="option" key={p.id}>
                <input type="checkbox" name={`${id}-parts`} value={p.id} checked={ticked(p.id)} onChange={(e) => toggle(p.id, e.currentTarget.checked)} />
                <span>{titleOf(p.title, lang)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </fieldset>
  );
}

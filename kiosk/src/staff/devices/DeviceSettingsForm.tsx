import { useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { describeAsked, type SurveyChoice, type SurveySettingValue } from '../survey-setting/survey-setting';
import { SurveySettingFields } from '../survey-setting/SurveySettingFields';
import { changeSettings, type DeviceView } from './devices-api';
import { readSettings, SettingsFields } from './SettingsFields';
import { useFocusOnShow } from './use-focus-on-show';

/** Rename a device, change its timings or its questionnaire; the tablet picks them up with its next heartbeat. */
export function DeviceSettingsForm({ store, device, surveys, onSaved, onCancel }: { store: StaffStore; device: DeviceView; surveys: SurveyChoice[]; onSaved: (d: DeviceView) => void; onCancel: () => void }) {
  const { t, lang } = store;
  const [error, setError] = useState('');
  const [survey, setSurvey] = useState<SurveySettingValue>({ surveyId: device.survey?.surveyId ?? null, parts: device.survey?.parts ?? null });
  const asked = describeAsked(surveys, device.asks, lang.value, t('survey.allParts'));
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      const setting = { surveyId: survey.surveyId, surveyParts: survey.surveyId ? survey.parts : null };
      onSaved((await changeSettings(device.id, { name: String(form.get('name')), ...readSettings(form), ...setting })).device);
    } catch (err) {
      setError(t('common.error', { message: store.explain(err) }));
    }
  };
  return (
    <form class="screen form device-form" onSubmit={submit} aria-labelledby="settings-heading">
      <h2 id="settings-heading" tabIndex={-1} ref={useFocusOnShow()}>{t('devices.settings.heading', { name: device.name })}</h2>
      {error && <p class="alert" role="alert">{error}</p>}
      <label class="field">
        <span>{t('devices.register.name')}</span>
        <input name="name" required maxLength={80} defaultValue={device.name} />
      </label>
      <SettingsFields values={device.settings} t={t} />
      <p class="hint">{t('survey.asks', asked)}</p>
      <SurveySettingFields
        id={`device-${device.id}`}
        choices={surveys}
        value={survey}
        onChange={setSurvey}
        inheritLabel={t('survey.inheritUnit', { name: lang.value === 'en' ? device.unit.nameEn : device.unit.nameVi })}
        t={t}
        lang={lang.value}
      />
      <div class="nav">
        <button type="button" class="button button--secondary" onClick={onCancel}>{t('common.cancel')}</button>
        <button type="submit" class="button button--primary">{t('common.save')}</button>
      </div>
    </form>
  );
}

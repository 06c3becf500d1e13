import { useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { changeSettings, type DeviceView } from './devices-api';
import { readSettings, SettingsFields } from './SettingsFields';
import { useFocusOnShow } from './use-focus-on-show';

/** Rename a device or change its timings; the tablet picks them up with its next heartbeat. */
export function DeviceSettingsForm({ store, device, onSaved, onCancel }: { store: StaffStore; device: DeviceView; onSaved: (d: DeviceView) => void; onCancel: () => void }) {
  const { t } = store;
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      onSaved((await changeSettings(device.id, { name: String(form.get('name')), ...readSettings(form) })).device);
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
      <div class="nav">
        <button type="button" class="button button--secondary" onClick={onCancel}>{t('common.cancel')}</button>
        <button type="submit" class="button button--primary">{t('common.save')}</button>
      </div>
    </form>
  );
}

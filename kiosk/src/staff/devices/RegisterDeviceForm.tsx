import { useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { registerDevice, type DeviceChoices, type DeviceView, type Enrolment } from './devices-api';
import { readSettings, SettingsFields } from './SettingsFields';

interface Props {
  store: StaffStore;
  choices: DeviceChoices;
  onRegistered: (device: DeviceView, enrolment: Enrolment) => void;
}

/** A manager registers a tablet for one of their units and, if they like, the official at that counter. */
export function RegisterDeviceForm({ store, choices, onRegistered }: Props) {
  const { t, lang } = store;
  const [unit, setUnit] = useState(choices.units[0]?.code ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const officials = choices.officials.filter((o) => within(choices.units, unit, o.unit));

  const submit = async (e: Event) => {
    e.preventDefault();
    const formElement = e.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    setBusy(true);
    setError('');
    try {
      const official = String(form.get('official') ?? '');
      const { device, enrolment } = await registerDevice({ name: String(form.get('name')), unit, official: official || null, ...readSettings(form) });
      formElement.reset();
      onRegistered(device, enrolment);
    } catch (err) {
      setError(t('devices.register.failed', { reason: store.explain(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="screen form device-form" onSubmit={submit} aria-labelledby="register-heading">
      <h2 id="register-heading">{t('devices.register.heading')}</h2>
      {error && <p class="alert" role="alert">{error}</p>}
      <label class="field">
        <span>{t('devices.register.name')}</span>
        <input name="name" required maxLength={80} autoComplete="off" />
      </label>
      <label class="field">
        <span>{t('devices.register.unit')}</span>
        <select name="unit" value={unit} onChange={(e) => setUnit(e.currentTarget.value)}>
          {choices.units.map((u) => (
            <option key={u.code} value={u.code}>
              {lang.value === 'vi' ? u.nameVi : u.nameEn}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('devices.register.official')}</span>
        <select name="official" key={unit}>
          <option value="">{t('devices.register.noOfficial')}</option>
          {officials.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <SettingsFields values={choices.defaults} t={t} />
      <button class="button button--primary" type="submit" disabled={busy || !unit}>
        {t('devices.register.submit')}
      </button>
    </form>
  );
}

/** Whether unit `code` is `root` or below it. */
function within(units: DeviceChoices['units'], root: string, code: string): boolean {
  const parents = new Map(units.map((u) => [u.code, u.parent]));
  for (let at: string | null | undefined = code, steps = 0; at && steps < 50; at = parents.get(at), steps++) if (at === root) return true;
  return false;
}

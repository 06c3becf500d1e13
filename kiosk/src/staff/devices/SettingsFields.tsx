import type { DeviceSettings } from './devices-api';

const FIELDS = [
  { key: 'thanksSeconds', label: 'devices.settings.thanks', min: 3, max: 120 },
  { key: 'idleSeconds', label: 'devices.settings.idle', min: 15, max: 900 },
  { key: 'repeatSeconds', label: 'devices.settings.repeat', min: 0, max: 3600 },
] as const;

/** The three per-device timings, as number inputs named after their settings (read with FormData). */
export function SettingsFields({ values, t }: { values: DeviceSettings; t: (key: string) => string }) {
  return (
    <>
      {FIELDS.map((f) => (
        <label class="field" key={f.key}>
          <span>{t(f.label)}</span>
          <input name={f.key} type="number" inputMode="numeric" min={f.min} max={f.max} step={1} required defaultValue={String(values[f.key])} />
        </label>
      ))}
    </>
  );
}

/** The settings typed into SettingsFields. */
export function readSettings(form: FormData): DeviceSettings {
  return { thanksSeconds: Number(form.get('thanksSeconds')), idleSeconds: Number(form.get('idleSeconds')), repeatSeconds: Number(form.get('repeatSeconds')) };
}

import { useEffect, useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { inboxApi } from './inbox-api';

/** Admins set the handling period (working days) and the public holidays it skips. */
export function SettingsPanel({ store }: { store: StaffStore }) {
  const { t } = store;
  const [days, setDays] = useState('');
  const [holidays, setHolidays] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    inboxApi.settings().then((s) => { setDays(String(s.handlingDays)); setHolidays(s.holidays.join('\n')); }, (e: unknown) => setError(store.explain(e)));
  }, []);
  const save = async (e: Event) => {
    e.preventDefault();
    setError('');
    setNotice('');
    try {
      const saved = await inboxApi.saveSettings({ handlingDays: Number(days), holidays: holidays.split(/\s+/).filter(Boolean) });
      setHolidays(saved.holidays.join('\n'));
      setNotice(t('feedback.settings.saved'));
    } catch (err) {
      setError(t('common.error', { message: store.explain(err) }));
    }
  };
  return (
    <form class="form fb-settings" onSubmit={save}>
      <h2>{t('feedback.settings.heading')}</h2>
      <p class="hint">{t('feedback.settings.hint')}</p>
      <label class="field">
        <span>{t('feedback.settings.days')}</span>
        <input type="number" min={1} max={90} required value={days} onInput={(e) => setDays(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('feedback.settings.holidays')}</span>
        <textarea rows={6} value={holidays} onInput={(e) => setHolidays(e.currentTarget.value)} />
      </label>
      <p class="fb-live" role="status">{notice}</p>
      {error && <p class="alert" role="alert">{error}</p>}
      <button type="submit" class="button button--primary">{t('feedback.settings.save')}</button>
    </form>
  );
}

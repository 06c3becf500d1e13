import { useEffect, useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { loadRetention, saveRetention } from './scores-api';

/**
 * Admins set how long raw responses and their texts are kept (empty: kept); the indices, trends
 * and theme figures stay either way, since they come from the counts.
 */
export function RetentionForm({ store }: { store: StaffStore }) {
  const { t } = store;
  const [days, setDays] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    loadRetention().then((r) => setDays(r.responseDays === null ? '' : String(r.responseDays)), (e: unknown) => setMessage({ ok: false, text: store.explain(e) }));
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    const value = days.trim() === '' ? null : Number(days);
    try {
      const saved = await saveRetention(value);
      setMessage({ ok: true, text: saved.responseDays === null ? t('retention.savedKeep') : t('retention.saved', { days: saved.responseDays }) });
    } catch (error) {
      setMessage({ ok: false, text: store.explain(error) });
    }
  };
  return (
    <section class="panel" aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('retention.heading')}</h2>
      <form onSubmit={submit}>
        <label class="field">
          <span>{t('retention.days')}</span>
          <input type="number" name="responseDays" min={31} max={36500} step={1} inputMode="numeric" aria-describedby="retention-hint" value={days} onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <p id="retention-hint" class="hint">{t('retention.hint')}</p>
        <button type="submit" class="button button--primary">{t('retention.save')}</button>
      </form>
      {message && <p class={message.ok ? 'notice' : 'alert'} role="status">{message.text}</p>}
    </section>
  );
}

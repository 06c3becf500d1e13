import { useEffect, useState } from 'preact/hooks';
import { localize } from '../../shared/translate';
import type { StaffStore } from '../staff-store';
import { loadOpenAlerts, type OpenAlert } from './alerts-api';

/** The dashboard's list of open alerts in the staff member's units (nothing when there are none). */
export function OpenAlertsPanel({ store }: { store: StaffStore }) {
  const { t } = store;
  const lang = store.lang.value;
  const [alerts, setAlerts] = useState<OpenAlert[]>([]);
  useEffect(() => {
    loadOpenAlerts(lang).then(setAlerts, () => setAlerts([]));
  }, [lang]);
  if (!alerts.length) return null;
  const when = (iso: string) => new Date(iso).toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
  return (
    <section class="panel panel--alert" aria-labelledby="open-alerts-heading" data-alerts={alerts.length}>
      <h2 id="open-alerts-heading">{t('alerts.open.heading')}</h2>
      <ul>
        {alerts.map((a) => (
          <li key={a.id}>
            <strong>{localize(a.unitName, lang)}</strong> · {t(`alerts.kinds.${a.kind}`)} ({t('alerts.open.since', { date: when(a.openedAt) })}): {a.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

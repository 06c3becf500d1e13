import { useEffect, useState } from 'preact/hooks';
import { api } from '../staff-api';
import type { StaffStore } from '../staff-store';

interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

/** Admins read who changed accounts, exported figures, issued keys. */
export function AuditTab({ store }: { store: StaffStore }) {
  const { t } = store;
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api<AuditEntry[]>('/api/staff/audit').then(setEntries, (e: unknown) => setError(store.explain(e)));
  }, []);
  if (error) return <p class="alert" role="alert">{t('common.error', { message: error })}</p>;
  if (!entries) return <p class="hint">{t('common.loading')}</p>;
  return (
    <section class="screen">
      <h1>{t('audit.heading')}</h1>
      {entries.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.at).toLocaleString(store.lang.value === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' })}</td>
                  <td>{e.actor}</td>
                  <td><code>{e.action}</code></td>
                  <td>{e.target}</td>
                  <td><code>{JSON.stringify(e.details)}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { api } from '../staff-api';
import type { StaffStore } from '../staff-store';
import { NewApiKeyForm } from './NewApiKeyForm';
import '../invitations/invitations.css';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  units: string[];
  createdAt: string;
  revokedAt: string | null;
}

/** Admins give one-stop systems keys to create invitations, and take them back. */
export function ApiKeysTab({ store }: { store: StaffStore }) {
  const { t } = store;
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [units, setUnits] = useState<{ code: string; name: { vi: string; en: string } }[]>([]);
  const [error, setError] = useState('');
  const refresh = () => api<ApiKey[]>('/api/api-keys').then(setKeys, (e: unknown) => setError(store.explain(e)));
  useEffect(() => {
    void refresh();
    api<{ units: typeof units }>('/api/invitations/form-options').then((o) => setUnits(o.units), (e: unknown) => setError(store.explain(e)));
  }, []);
  const revoke = async (key: ApiKey) => {
    if (!confirm(t('apiKeys.confirmRevoke', { name: key.name }))) return;
    try {
      await api(`/api/api-keys/${key.id}/revoke`, { method: 'POST', json: {} });
      await refresh();
    } catch (e) {
      setError(store.explain(e));
    }
  };
  if (!keys) return error ? <p class="alert" role="alert">{t('common.error', { message: error })}</p> : <p class="hint">{t('common.loading')}</p>;
  const when = (iso: string) => new Date(iso).toLocaleDateString(store.lang.value === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
  return (
    <section class="screen" aria-labelledby="keys-heading">
      <h1 id="keys-heading">{t('apiKeys.heading')}</h1>
      <p class="hint">{t('apiKeys.intro')}</p>
      {error && <p class="alert" role="alert">{t('common.error', { message: error })}</p>}
      <NewApiKeyForm store={store} units={units} onCreated={() => void refresh()} />
      <h2>{t('apiKeys.list')}</h2>
      {keys.length === 0 ? (
        <p>{t('apiKeys.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('apiKeys.name')}</th>
                <th scope="col">{t('apiKeys.prefix')}</th>
                <th scope="col">{t('apiKeys.units')}</th>
                <th scope="col">{t('apiKeys.created')}</th>
                <th scope="col">{t('apiKeys.state')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td><code>{k.prefix}…</code></td>
                  <td>{k.units.join(', ')}</td>
                  <td>{when(k.createdAt)}</td>
                  <td>
                    {k.revokedAt ? t('apiKeys.revokedOn', { date: when(k.revokedAt) }) : (
                      <button type="button" class="button button--secondary" onClick={() => revoke(k)}>{t('apiKeys.revoke')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

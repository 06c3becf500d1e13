import { useEffect, useState } from 'preact/hooks';
import { api } from '../staff-api';
import type { StaffStore } from '../staff-store';

interface OpenLink {
  unit: string;
  name: { vi: string; en: string };
  enabled: boolean;
  url: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * Admins turn a unit's open link on or off: an address anyone can answer at (the agency's site, a
 * poster). Its answers prove nothing about who sent them, so they are limited and counted apart.
 */
export function OpenLinksTab({ store }: { store: StaffStore }) {
  const { t, lang } = store;
  const [links, setLinks] = useState<OpenLink[] | null>(null);
  const [error, setError] = useState('');
  const refresh = () => api<OpenLink[]>('/api/open-links').then(setLinks, (e: unknown) => setError(store.explain(e)));
  useEffect(() => void refresh(), []);
  const toggle = async (link: OpenLink) => {
    setError('');
    try {
      await api(`/api/open-links/${encodeURIComponent(link.unit)}`, { method: 'PUT', json: { enabled: !link.enabled } });
      await refresh();
    } catch (e) {
      setError(store.explain(e));
    }
  };
  if (!links) return error ? <p class="alert" role="alert">{t('common.error', { message: error })}</p> : <p class="hint">{t('common.loading')}</p>;
  return (
    <section class="screen" aria-labelledby="links-heading">
      <h1 id="links-heading">{t('openLinks.heading')}</h1>
      <p class="hint">{t('openLinks.intro')}</p>
      {error && <p class="alert" role="alert">{t('common.error', { message: error })}</p>}
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('openLinks.unit')}</th>
              <th scope="col">{t('openLinks.state')}</th>
              <th scope="col">{t('openLinks.address')}</th>
              <th scope="col"><span class="visually-hidden">{t('openLinks.action')}</span></th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.unit}>
                <td>{lang.value === 'en' ? l.name.en : l.name.vi}</td>
                <td>{t(l.enabled ? 'openLinks.on' : 'openLinks.off')}</td>
                <td>{l.enabled ? <a href={l.url}>{l.url}</a> : <span class="hint">{t('openLinks.closed')}</span>}</td>
                <td>
                  {/* The visible words start the spoken name, which adds the unit (WCAG 2.5.3). */}
                  <button type="button" class="button button--secondary" onClick={() => toggle(l)}
                    aria-label={t(l.enabled ? 'openLinks.turnOff' : 'openLinks.turnOn', { unit: lang.value === 'en' ? l.name.en : l.name.vi })}>
                    {t(l.enabled ? 'openLinks.close' : 'openLinks.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

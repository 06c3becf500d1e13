import { useEffect, useState } from 'preact/hooks';
import { localize } from '../../shared/translate';
import { api, ApiError } from '../staff-api';
import type { StaffStore } from '../staff-store';
import './publications.css';

interface PublicationUnit {
  code: string;
  parent: string | null;
  name: { vi: string; en: string };
  publishable: boolean;
  published: boolean;
  publishedAt: string | null;
}

/** Admins choose which units' results the public page /ket-qua shows. */
export function PublicationsTab({ store }: { store: StaffStore }) {
  const { t } = store;
  const [units, setUnits] = useState<PublicationUnit[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  useEffect(() => {
    api<PublicationUnit[]>('/api/result-publications').then(setUnits, (e: Error) => setError(e.message));
  }, []);
  const toggle = async (unit: PublicationUnit) => {
    setBusy(unit.code);
    setError('');
    // Shown at once; the server's answer (or the old state, on an error) follows.
    setUnits((list) => list?.map((u) => (u.code === unit.code ? { ...u, published: !unit.published } : u)) ?? null);
    try {
      setUnits(await api<PublicationUnit[]>(`/api/result-publications/${encodeURIComponent(unit.code)}`, { method: 'PUT', json: { published: !unit.published } }));
    } catch (e) {
      setUnits((list) => list?.map((u) => (u.code === unit.code ? unit : u)) ?? null);
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy('');
    }
  };
  if (!units) return error ? <p class="alert" role="alert">{t('common.error', { message: error })}</p> : <p class="hint">{t('common.loading')}</p>;
  const depth = (u: PublicationUnit): number => {
    const parent = units.find((x) => x.code === u.parent);
    return parent ? 1 + depth(parent) : 0;
  };
  return (
    <section class="screen" aria-labelledby="publications-heading">
      <h1 id="publications-heading">{t('publications.heading')}</h1>
      <p class="hint">{t('publications.intro')}</p>
      <p><a href="/ket-qua" target="_blank" rel="noopener">{t('publications.open')}</a></p>
      {error && <p class="alert" role="alert">{t('common.error', { message: error })}</p>}
      <ul class="publications">
        {units.map((u) => (
          <li key={u.code} class={`depth-${Math.min(depth(u), 4)}`}>
            <label>
              <input type="checkbox" checked={u.published} disabled={!u.publishable || busy === u.code} onChange={() => void toggle(u)} />{' '}
              {localize(u.name, store.lang.value)} <span class="hint">({u.code})</span>
            </label>
            {!u.publishable && <span class="hint"> — {t('publications.desk')}</span>}
          </li>
        ))}
      </ul>
      <p class="hint">{t('publications.rules')}</p>
    </section>
  );
}

import { useState } from 'preact/hooks';
import { api } from '../staff-api';
import type { StaffStore } from '../staff-store';

/** Issue a key: a name and the units it may invite for; the key is shown once. */
export function NewApiKeyForm({ store, units, onCreated }: { store: StaffStore; units: { code: string; name: { vi: string; en: string } }[]; onCreated: () => void }) {
  const { t, lang } = store;
  const [key, setKey] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setError('');
    try {
      const created = await api<{ key: string }>('/api/api-keys', { json: { name: String(form.get('name') ?? ''), units: form.getAll('units').map(String) } });
      setKey(created.key);
      (e.target as HTMLFormElement).reset();
      onCreated();
    } catch (err) {
      setError(store.explain(err));
    }
  };
  return (
    <form class="form" onSubmit={submit}>
      <h2>{t('apiKeys.new')}</h2>
      {error && <p class="alert" role="alert">{t('common.error', { message: error })}</p>}
      <label class="field">
        <span>{t('apiKeys.name')}</span>
        <input name="name" required maxLength={100} autoComplete="off" />
      </label>
      <fieldset class="choice">
        <legend class="choice__legend">{t('apiKeys.units')}</legend>
        <div class="choice__options">
          {units.map((u) => (
            <label class="option" key={u.code}>
              <input type="checkbox" name="units" value={u.code} />
              <span>{lang.value === 'en' ? u.name.en : u.name.vi}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" class="button button--primary">{t('apiKeys.create')}</button>
      {key && (
        <div class="new-key" role="status">
          <p>{t('apiKeys.showOnce')}</p>
          <p><code class="new-key__value">{key}</code></p>
        </div>
      )}
    </form>
  );
}

import { useState } from 'preact/hooks';
import type { StaffStore } from './staff-store';

export function LoginScreen({ store }: { store: StaffStore }) {
  const { t } = store;
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setError('');
    try {
      await store.signIn(String(form.get('username')), String(form.get('password')));
    } catch (err) {
      setError(store.explain(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="main main--narrow">
      <form class="screen form" onSubmit={submit}>
        <h1>{t('login.heading')}</h1>
        {error && <p class="alert" role="alert">{error}</p>}
        <label class="field">
          <span>{t('login.username')}</span>
          <input name="username" autoComplete="username" required autoFocus />
        </label>
        <label class="field">
          <span>{t('login.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button class="button button--primary" type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}

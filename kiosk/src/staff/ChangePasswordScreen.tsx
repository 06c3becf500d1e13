import { useState } from 'preact/hooks';
import type { StaffStore } from './staff-store';

export function ChangePasswordScreen({ store }: { store: StaffStore }) {
  const { t } = store;
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      await store.changePassword(String(form.get('current')), String(form.get('next')));
    } catch (err) {
      setError(t('password.failed', { reason: store.explain(err) }));
    }
  };
  return (
    <main class="main main--narrow">
      <form class="screen form" onSubmit={submit}>
        <h1>{t('password.heading')}</h1>
        <p>{t('password.intro')}</p>
        {error && <p class="alert" role="alert">{error}</p>}
        <label class="field">
          <span>{t('password.current')}</span>
          <input name="current" type="password" autoComplete="current-password" required />
        </label>
        <label class="field">
          <span>{t('password.next')}</span>
          <input name="next" type="password" autoComplete="new-password" minLength={10} required />
        </label>
        <button class="button button--primary" type="submit">
          {t('password.submit')}
        </button>
      </form>
    </main>
  );
}

import { useState } from 'preact/hooks';
import { usePhone } from './store-context';

/** /s: the twelve digits printed under the QR code, for when the camera cannot read it. */
export function CodeScreen() {
  const store = usePhone();
  const { t } = store;
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (code.replace(/\D/g, '').length !== 12) return setError(t('phone.code.invalid'));
    setBusy(true);
    const result = await store.enterCode(code);
    setBusy(false);
    if (!result.ok) setError(t(result.reason === 'offline' ? 'phone.problem.offline.body' : `phone.code.${result.reason}`));
  };
  return (
    <section class="screen" aria-labelledby="code-heading">
      <h1 id="code-heading" tabIndex={-1}>{t('phone.code.heading')}</h1>
      <form class="code-form" onSubmit={submit} noValidate>
        <label for="short-code" class="choice__legend">{t('phone.code.label')}</label>
        <p id="short-code-hint" class="hint">{t('phone.code.hint')}</p>
        <input
          id="short-code"
          class="code-form__input"
          inputMode="numeric"
          autoComplete="off"
          autoCorrect="off"
          spellcheck={false}
          maxLength={20}
          aria-describedby={error ? 'short-code-hint short-code-error' : 'short-code-hint'}
          aria-invalid={error ? true : undefined}
          value={code}
          onInput={(e) => {
            setCode(e.currentTarget.value);
            setError('');
          }}
        />
        {error && (
          <p id="short-code-error" class="alert" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button--primary button--wide" disabled={busy}>
          {t('phone.code.submit')}
        </button>
      </form>
    </section>
  );
}

import { useState } from 'preact/hooks';
import { errorText } from '../shared/error-text';
import { useKiosk } from './store-context';

/** Shown until a manager's one-time code has made this tablet a kiosk of their unit. */
export function EnrolScreen() {
  const { t, link } = useKiosk();
  const [code, setCode] = useState('');
  const problem = link.problem.value;
  const submit = (e: Event) => {
    e.preventDefault();
    if (code.trim()) void link.enrol(code.trim());
  };
  return (
    <section class="screen" aria-labelledby="enrol-heading">
      <h1 id="enrol-heading">{t('kioskDevice.enrol.heading')}</h1>
      {problem && (
        <p class="alert" role="alert">
          {problem === 'revoked' ? t('kioskDevice.enrol.revoked') : errorText(t, problem.error)}
        </p>
      )}
      <p>{t('kioskDevice.enrol.intro')}</p>
      <form class="enrol-form" onSubmit={submit}>
        <label for="enrol-code" class="choice__legend">
          {t('kioskDevice.enrol.code')}
        </label>
        <input id="enrol-code" class="enrol-form__code" value={code} onInput={(e) => setCode(e.currentTarget.value)} autoComplete="off" autoCapitalize="none" spellcheck={false} />
        <button type="submit" class="button button--primary" disabled={link.enrolling.value}>
          {link.enrolling.value ? t('kioskDevice.enrol.busy') : t('kioskDevice.enrol.submit')}
        </button>
      </form>
    </section>
  );
}

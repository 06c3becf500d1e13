import { useState } from 'preact/hooks';
import type { Translate } from '../shared/feedback/FeedbackForm';

/** Opens the tracking page of a code typed in (any case, with or without hyphens). */
export function LookupForm({ t }: { t: Translate }) {
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    const plain = code.replace(/[\s-]/g, '').toUpperCase();
    if (!/^[0-9A-Z]{16}$/.test(plain)) return setInvalid(true);
    location.assign(`/gop-y/${plain.match(/.{4}/g)!.join('-')}`);
  };
  return (
    <section class="screen fb-lookup" aria-labelledby="fb-lookup-heading">
      <h2 id="fb-lookup-heading">{t('feedback.lookup.heading')}</h2>
      <form class="fb-form" onSubmit={submit} noValidate>
        <div class="fb-field">
          <label class="fb-field__label" for="fb-lookup-code">{t('feedback.lookup.label')}</label>
          <input id="fb-lookup-code" class="fb-input" autoComplete="off" autoCapitalize="characters" spellcheck={false} maxLength={40} value={code} aria-invalid={invalid} aria-describedby={invalid ? 'fb-lookup-error' : undefined} onInput={(e) => { setCode(e.currentTarget.value); setInvalid(false); }} />
          {invalid && <p class="fb-error" id="fb-lookup-error">{t('feedback.lookup.invalid')}</p>}
        </div>
        <div class="nav">
          <button type="submit" class="button button--secondary">{t('feedback.lookup.submit')}</button>
        </div>
      </form>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { useKiosk } from './store-context';
import { useFocusHeading } from './use-focus-heading';

/** Thanks the person, then hands the kiosk to the next one. */
export function ThanksScreen() {
  const store = useKiosk();
  const heading = useFocusHeading();
  const { t } = store;
  const [left, setLeft] = useState(store.settings.value.thanksSeconds);
  useEffect(() => {
    const timer = setInterval(() => setLeft((s) => s - 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left <= 0) store.reset();
  }, [left]);
  return (
    <section class="screen screen--thanks" aria-labelledby="thanks-heading">
      <h1 id="thanks-heading" tabIndex={-1} ref={heading}>{t('thanks.heading')}</h1>
      <p class="lead">{t('thanks.body')}</p>
      <p class="hint" aria-live="polite">{t('thanks.reset', { seconds: Math.max(left, 0) })}</p>
      <button type="button" class="button button--primary button--wide" onClick={() => store.reset()}>
        {t('thanks.done')}
      </button>
    </section>
  );
}

import { useKiosk } from './store-context';

/** The send button with its state: sending, or failed with a way to try again. */
export function SendBar({ onBack }: { onBack?: () => void }) {
  const store = useKiosk();
  const { t, sending, sendFailed } = store;
  return (
    <div class="nav">
      {sendFailed.value && (
        <p class="alert" role="alert">
          {t('send.failed')}
        </p>
      )}
      <button type="button" class="button button--secondary" onClick={onBack ?? (() => store.reset())}>
        {onBack ? t('nav.back') : t('nav.restart')}
      </button>
      <button type="button" class="button button--primary" disabled={sending.value} onClick={() => store.submit()}>
        {sending.value ? t('send.sending') : sendFailed.value ? t('send.retry') : t('nav.submit')}
      </button>
    </div>
  );
}

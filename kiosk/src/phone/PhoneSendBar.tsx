import type { SurveyDefinition } from '../../../survey-defs/schema';
import { usePhone } from './store-context';

/** Back and send, with the sending state and a retry after a failed send. */
export function PhoneSendBar({ def, backLabel, onBack }: { def: SurveyDefinition; backLabel: string; onBack: () => void }) {
  const store = usePhone();
  const { t, sending, sendFailed } = store;
  return (
    <div class="nav">
      {sendFailed.value && (
        <p class="alert" role="alert">
          {t('send.failed')}
        </p>
      )}
      <button type="button" class="button button--secondary" onClick={onBack}>
        {backLabel}
      </button>
      <button type="button" class="button button--primary" disabled={sending.value} onClick={() => store.submit(def)}>
        {sending.value ? t('send.sending') : sendFailed.value ? t('send.retry') : t('nav.submit')}
      </button>
    </div>
  );
}

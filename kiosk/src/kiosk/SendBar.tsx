import { SendBar as SharedSendBar } from '../shared/SendBar';
import { useKiosk } from './store-context';

/** The kiosk's send bar: back (or start again) and send. */
export function SendBar({ onBack }: { onBack?: () => void }) {
  const store = useKiosk();
  const { t, sending, sendFailed } = store;
  return (
    <SharedSendBar
      t={t}
      sending={sending.value}
      failed={sendFailed.value}
      backLabel={onBack ? t('nav.back') : t('nav.restart')}
      onBack={onBack ?? (() => store.reset())}
      onSend={() => store.submit()}
    />
  );
}

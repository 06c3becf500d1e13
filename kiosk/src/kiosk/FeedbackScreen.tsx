// The kiosk's feedback screen (its own chunk): the shared form, then the tracking code with a QR
// code to scan. Nothing on it leads away from the kiosk, and it resets itself when left alone so
// the next person never sees what the last one wrote.
import { useEffect, useState } from 'preact/hooks';
import type { SentFeedback } from '../shared/feedback/feedback-api';
import { FeedbackForm } from '../shared/feedback/FeedbackForm';
import { FeedbackSent } from '../shared/feedback/FeedbackSent';
import { useKiosk } from './store-context';

/** Seconds without a touch or key press before the screen goes back to the start. */
export const FEEDBACK_IDLE_SECONDS = 180;

export function FeedbackScreen() {
  const store = useKiosk();
  const { t, lang } = store;
  const device = store.link.device.value!;
  const [sent, setSent] = useState<SentFeedback | null>(null);
  useEffect(() => {
    let timer = setTimeout(() => store.reset(), FEEDBACK_IDLE_SECONDS * 1000);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(() => store.reset(), FEEDBACK_IDLE_SECONDS * 1000);
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    for (const e of events) document.addEventListener(e, touched, true);
    return () => {
      clearTimeout(timer);
      for (const e of events) document.removeEventListener(e, touched, true);
    };
  }, []);

  if (sent) {
    return (
      <FeedbackSent t={t} lang={lang.value} sent={sent} linkToTracking={false} showQr>
        <button type="button" class="button button--primary button--wide" onClick={() => store.reset()}>{t('feedback.sent.done')}</button>
      </FeedbackSent>
    );
  }
  return (
    <section class="screen" aria-labelledby="fb-heading">
      <h1 id="fb-heading">{t('feedback.title')}</h1>
      <FeedbackForm t={t} lang={lang.value} channel="kiosk" deviceId={device.deviceId} unit={device.unit.code} onSent={setSent} onCancel={() => store.reset()} />
    </section>
  );
}

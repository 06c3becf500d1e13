// Feedback about the dossier just rated, from the phone page: the shared form with the
// invitation's unit and procedure filled in. The phone keeps nothing: the device id that the
// server's send limit uses lives only as long as the page.
import { useState } from 'preact/hooks';
import type { SentFeedback } from '../shared/feedback/feedback-api';
import { FeedbackForm } from '../shared/feedback/FeedbackForm';
import { FeedbackSent } from '../shared/feedback/FeedbackSent';
import { randomId } from '../shared/random-id';
import type { Screen } from './phone-store';
import { usePhone } from './store-context';

const pageDeviceId = randomId();

export function PhoneFeedbackScreen({ back }: { back: Screen }) {
  const store = usePhone();
  const { t, lang, invitation } = store;
  const [sent, setSent] = useState<SentFeedback | null>(null);
  const leave = () => void (store.screen.value = back);
  if (sent) {
    return (
      <FeedbackSent t={t} lang={lang.value} sent={sent} linkToTracking showQr={false}>
        <button type="button" class="button button--primary button--wide" onClick={leave}>{t('feedback.sent.done')}</button>
      </FeedbackSent>
    );
  }
  return (
    <section class="screen" aria-labelledby="phone-fb-heading">
      <h1 id="phone-fb-heading" tabIndex={-1}>{t('phone.feedback.heading')}</h1>
      <FeedbackForm
        t={t}
        lang={lang.value}
        channel={store.openUnit ? 'web' : 'qr'}
        deviceId={pageDeviceId}
        unit={invitation.value?.unit.code}
        procedure={invitation.value?.procedure?.code}
        onSent={setSent}
        onCancel={leave}
      />
    </section>
  );
}

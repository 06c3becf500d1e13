import { useState } from 'preact/hooks';
import type { SentFeedback } from '../shared/feedback/feedback-api';
import { FeedbackForm } from '../shared/feedback/FeedbackForm';
import { FeedbackSent } from '../shared/feedback/FeedbackSent';
import { anonymousDeviceId } from '../shared/random-id';
import { LookupForm } from './LookupForm';
import type { PageStore } from './page-store';

/** /gop-y: the form, then the tracking code; below, looking up an item sent before. */
export function SendPage({ store, unit, procedure }: { store: PageStore; unit?: string; procedure?: string }) {
  const { t, lang } = store;
  const [sent, setSent] = useState<SentFeedback | null>(null);
  if (sent) {
    return (
      <FeedbackSent t={t} lang={lang.value} sent={sent} linkToTracking showQr={false}>
        <div class="nav">
          <button type="button" class="button button--secondary" onClick={() => setSent(null)}>{t('feedback.sent.another')}</button>
        </div>
      </FeedbackSent>
    );
  }
  return (
    <>
      <section class="screen" aria-labelledby="fb-heading">
        <h1 id="fb-heading">{t('feedback.title')}</h1>
        <FeedbackForm t={t} lang={lang.value} channel="web" deviceId={anonymousDeviceId()} unit={unit} procedure={procedure} onSent={setSent} />
      </section>
      <LookupForm t={t} />
    </>
  );
}

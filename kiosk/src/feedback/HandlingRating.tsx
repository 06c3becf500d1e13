import { useState } from 'preact/hooks';
import { rateHandling, type HandlingRating as Rating, type TrackedFeedback } from '../shared/feedback/feedback-api';
import type { PageStore } from './page-store';

/** Once answered, the sender says whether the handling satisfied them (Decision 766 counts it). */
export function HandlingRating({ store, item, onRated }: { store: PageStore; item: TrackedFeedback; onRated: (item: TrackedFeedback) => void }) {
  const { t } = store;
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  const rate = async (rating: Rating) => {
    setSending(true);
    setFailed(false);
    const result = await rateHandling(item.code, rating);
    setSending(false);
    if (result) onRated(result);
    else setFailed(true);
  };
  return (
    <section class="fb-rating" aria-labelledby="fb-rating-heading">
      <h2 id="fb-rating-heading">{t('feedback.track.rate.heading')}</h2>
      <p class="hint">{t('feedback.track.rate.intro')}</p>
      <div class="nav" role="group" aria-labelledby="fb-rating-heading">
        {(['satisfied', 'dissatisfied'] as const).map((r) => (
          <button key={r} type="button" class={`button ${item.rating === r ? 'button--primary' : 'button--secondary'}`} aria-pressed={item.rating === r} disabled={sending} onClick={() => void rate(r)}>
            {t(`feedback.track.rate.${r}`)}
          </button>
        ))}
      </div>
      <p class="hint" role="status">{item.rating ? t('feedback.track.rate.thanks') : ''}</p>
      {failed && <p class="alert" role="alert">{t('feedback.track.failed')}</p>}
    </section>
  );
}

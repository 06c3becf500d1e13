import { usePhone } from './store-context';

/** After the quick rating: thanks, and the offer of the full SIPAS questionnaire. */
export function OfferScreen({ justRated }: { justRated: boolean }) {
  const store = usePhone();
  const { t } = store;
  return (
    <section class="screen" aria-labelledby="offer-heading">
      <h1 id="offer-heading" tabIndex={-1}>{justRated ? t('phone.offer.heading') : t('phone.offer.again')}</h1>
      <p class="lead">{t('phone.offer.body')}</p>
      <button type="button" class="button button--primary button--wide" onClick={() => store.startFull()}>
        {t('phone.offer.start')}
        <span class="button__hint">{t('welcome.fullHint')}</span>
      </button>
      <button type="button" class="button button--secondary button--wide" onClick={() => store.finish()}>
        {t('phone.offer.skip')}
      </button>
      <button type="button" class="button button--secondary button--wide" onClick={() => store.openFeedback()}>
        {t('phone.feedback.open')}
      </button>
    </section>
  );
}

import { RatingQuestion } from '../shared/RatingQuestion';
import { localize } from '../shared/i18n';
import { useKiosk } from './store-context';

export function WelcomeScreen() {
  const store = useKiosk();
  const { t, lang, quick } = store;
  const def = quick.value!;
  const criterion = def.elements[0]!.criteria[0]!;
  return (
    <section class="screen screen--welcome" aria-labelledby="welcome-heading">
      <h1 id="welcome-heading">{t('welcome.heading')}</h1>
      <p class="hint">{t('welcome.tapFace')}</p>
      <RatingQuestion
        large
        name="quick-overall"
        legend={localize(criterion.text, lang.value)}
        scale={def.scales[criterion.scale]!}
        value={undefined}
        lang={lang.value}
        noOpinionLabel={t('rating.noOpinion')}
        onChange={(v) => store.chooseQuickLevel(v)}
      />
      <button type="button" class="button button--secondary button--wide" onClick={() => store.startFull()}>
        {t('welcome.full')}
        <span class="button__hint">{t('welcome.fullHint')}</span>
      </button>
      <button type="button" class="button button--secondary button--wide" onClick={() => (store.screen.value = { kind: 'feedback' })}>
        {t('feedback.kioskButton')}
        <span class="button__hint">{t('feedback.kioskButtonHint')}</span>
      </button>
      <p class="hint">{t('app.anonymous')}</p>
    </section>
  );
}

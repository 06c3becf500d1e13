import { localize } from '../shared/i18n';
import { RatingQuestion } from '../shared/RatingQuestion';
import { usePhone } from './store-context';

/** The 3-level quick rating first: one tap. */
export function QuickScreen() {
  const store = usePhone();
  const { t, lang, quick } = store;
  const def = quick.value!;
  const criterion = def.elements[0]!.criteria[0]!;
  return (
    <section class="screen" aria-labelledby="quick-heading">
      <h1 id="quick-heading" tabIndex={-1}>{t('phone.quick.heading')}</h1>
      <p class="hint">{t(store.openUnit ? 'phone.quick.openHint' : 'phone.quick.hint')}</p>
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
    </section>
  );
}

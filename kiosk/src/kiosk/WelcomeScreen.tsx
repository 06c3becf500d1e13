import { localize } from '../shared/i18n';
import { QuickFaces } from './QuickFaces';
import { useKiosk } from './store-context';
import { useFocusHeading } from './use-focus-heading';

export function WelcomeScreen() {
  const store = useKiosk();
  const heading = useFocusHeading();
  const { t, lang, quick, link } = store;
  const def = quick.value!;
  const criterion = def.elements[0]!.criteria[0]!;
  const device = link.device.value!;
  return (
    <section class="screen screen--welcome" aria-labelledby="welcome-heading">
      <p class="where">
        {t('welcome.unit', { unit: localize(device.unit.name as { vi: string }, lang.value) })}
        {device.official && <span class="where__official">{t('kioskDevice.official', { name: device.official.name })}</span>}
      </p>
      <h1 id="welcome-heading" tabIndex={-1} ref={heading}>{t('welcome.heading')}</h1>
      <p class="hint">{t('welcome.tapFace')}</p>
      <QuickFaces scale={def.scales[criterion.scale]!} lang={lang.value} labelledBy="welcome-heading" onChoose={(v) => store.chooseQuickLevel(v)} />
      <button type="button" class="button button--secondary button--wide" disabled={!store.fullReady.value} onClick={() => store.startFull()}>
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

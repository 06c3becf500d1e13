import { useKiosk } from './store-context';

const SCALES = [1, 1.25, 1.5];

/** Language and text size, always in reach, for people who read better in another language or larger. */
export function Toolbar() {
  const store = useKiosk();
  const { t, lang, languages, textScale } = store;
  const step = (delta: number) => {
    const i = Math.min(SCALES.length - 1, Math.max(0, SCALES.indexOf(textScale.value) + delta));
    textScale.value = SCALES[i]!;
  };
  return (
    <div class="toolbar">
      <div class="toolbar__group" role="group" aria-label={t('settings.language')}>
        {languages.value.map((l) => (
          <button type="button" key={l.code} class="chip" aria-pressed={lang.value === l.code} lang={l.code} onClick={() => store.setLanguage(l.code)}>
            {l.name}
          </button>
        ))}
      </div>
      <div class="toolbar__group" role="group" aria-label={t('settings.textSize')}>
        {/* The spoken name starts with what is printed on the button (WCAG 2.5.3, label in name). */}
        <button type="button" class="chip" disabled={textScale.value === SCALES[0]} onClick={() => step(-1)}>
          A−<span class="visually-hidden"> {t('settings.smaller')}</span>
        </button>
        <button type="button" class="chip chip--large" disabled={textScale.value === SCALES.at(-1)} onClick={() => step(1)}>
          A+<span class="visually-hidden"> {t('settings.larger')}</span>
        </button>
      </div>
    </div>
  );
}

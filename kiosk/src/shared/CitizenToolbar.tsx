import type { Signal } from '@preact/signals';
import type { CitizenLanguage } from './citizen-language';

const SCALES = [1, 1.25, 1.5];

interface Props {
  language: Pick<CitizenLanguage, 't' | 'lang' | 'languages'> & { setLanguage(code: string): Promise<unknown> };
  /** The text-size control, for pages that offer one (the kiosk, the feedback pages). */
  textScale?: Signal<number>;
}

/** Language and text size, always in reach, for people who read better in another language or larger. */
export function CitizenToolbar({ language, textScale }: Props) {
  const { t, lang, languages } = language;
  const step = (delta: number) => {
    if (!textScale) return;
    const i = Math.min(SCALES.length - 1, Math.max(0, SCALES.indexOf(textScale.value) + delta));
    textScale.value = SCALES[i]!;
  };
  return (
    <div class="toolbar">
      <div class="toolbar__group" role="group" aria-label={t('settings.language')}>
        {languages.value.map((l) => (
          <button type="button" key={l.code} class="chip" aria-pressed={lang.value === l.code} lang={l.code} onClick={() => void language.setLanguage(l.code)}>
            {l.name}
          </button>
        ))}
      </div>
      {textScale && (
        <div class="toolbar__group" role="group" aria-label={t('settings.textSize')}>
          {/* The spoken name starts with what is printed on the button (WCAG 2.5.3, label in name). */}
          <button type="button" class="chip" disabled={textScale.value === SCALES[0]} onClick={() => step(-1)}>
            A−<span class="visually-hidden"> {t('settings.smaller')}</span>
          </button>
          <button type="button" class="chip chip--large" disabled={textScale.value === SCALES.at(-1)} onClick={() => step(1)}>
            A+<span class="visually-hidden"> {t('settings.larger')}</span>
          </button>
        </div>
      )}
    </div>
  );
}

// The feedback pages' state: the language and text size the person chose.
import { signal } from '@preact/signals';
import { createCitizenLanguage } from '../shared/citizen-language';

export function createPageStore() {
  const language = createCitizenLanguage();
  const textScale = signal(1);

  async function setLanguage(code: string) {
    if (await language.setLanguage(code)) document.title = `${language.t('feedback.title')} · SIPAS`;
  }

  return { ...language, textScale, load: language.loadLanguages, setLanguage };
}

export type PageStore = ReturnType<typeof createPageStore>;

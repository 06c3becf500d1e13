// The feedback pages' state: the language and text size the person chose.
import { signal } from '@preact/signals';
import { citizenLanguages, citizenMessages, defaultLanguages, t as translate, vietnamese, type Language, type MessageTree } from '../shared/i18n';

export function createPageStore() {
  const lang = signal('vi');
  const messages = signal<MessageTree>(vietnamese);
  const languages = signal<Language[]>(defaultLanguages);
  const textScale = signal(1);
  const t = (key: string, params?: Record<string, string | number>) => translate(messages.value, key, params);

  async function load() {
    languages.value = await citizenLanguages();
  }

  async function setLanguage(code: string) {
    try {
      messages.value = await citizenMessages(code);
    } catch {
      return; // stay in the current language rather than show half a page
    }
    lang.value = code;
    document.documentElement.lang = code;
    document.title = `${t('feedback.title')} · SIPAS`;
  }

  return { lang, messages, languages, textScale, t, load, setLanguage };
}

export type PageStore = ReturnType<typeof createPageStore>;

// The language a citizen page shows, as signals: Vietnamese until the person picks another from
// the locale files the server offers. Shared by the kiosk, the phone page and the feedback pages.
import { signal } from '@preact/signals';
import { citizenLanguages, citizenMessages, defaultLanguages, t as translate, vietnamese, type Language, type MessageTree } from './i18n';

/** `known`: the languages the server embedded in the page, which then need no request. */
export function createCitizenLanguage(known?: Language[]) {
  const lang = signal('vi');
  const messages = signal<MessageTree>(vietnamese);
  const languages = signal<Language[]>(known ?? defaultLanguages);
  const t = (key: string, params?: Record<string, string | number>) => translate(messages.value, key, params);

  /** Asks the server which languages it has locale files for. */
  async function loadLanguages() {
    if (known) return;
    languages.value = await citizenLanguages();
  }

  /** Switches the page's strings; on failure the page stays in its language rather than show half of another. */
  async function setLanguage(code: string): Promise<boolean> {
    try {
      messages.value = await citizenMessages(code);
    } catch {
      return false;
    }
    lang.value = code;
    document.documentElement.lang = code;
    return true;
  }

  return { lang, messages, languages, t, loadLanguages, setLanguage };
}

export type CitizenLanguage = ReturnType<typeof createCitizenLanguage>;

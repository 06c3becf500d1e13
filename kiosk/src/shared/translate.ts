// Looking strings up in a locale file. Every page brings its Vietnamese strings in its bundle and
// fetches other languages from /locales when chosen, so a new locale file needs no code.
import type { LocalizedText } from '../../../survey-defs/schema';

export type MessageTree = { [key: string]: string | MessageTree };
export interface Language {
  code: string;
  name: string;
}

/** The languages the server has locale files for (Vietnamese only when it cannot be asked). */
export async function fetchLanguages(fallback: Language[]): Promise<Language[]> {
  try {
    const res = await fetch('/locales/index.json');
    return res.ok ? await res.json() : fallback;
  } catch {
    return fallback;
  }
}

/** Fetches a language's strings; `folder` is '' for the citizen pages, 'staff/' for staff. */
export async function loadMessages(code: string, folder = ''): Promise<MessageTree> {
  const res = await fetch(`/locales/${folder}${encodeURIComponent(code)}.json`);
  if (!res.ok) throw new Error(`locale ${code}: ${res.status}`);
  return res.json();
}

/** Looks up `a.b.c` in the messages (then in `fallback`) and fills {placeholders}. */
export function translate(messages: MessageTree, fallback: MessageTree, key: string, params?: Record<string, string | number>): string {
  const text = lookup(messages, key) ?? lookup(fallback, key) ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

function lookup(tree: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A questionnaire text in the chosen language, or in Vietnamese when it has no translation. */
export function localize(text: LocalizedText, code: string): string {
  return text[code] ?? text.vi;
}

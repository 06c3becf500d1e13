// Interface strings live in kiosk/locales/<code>.json. Vietnamese is built into every page; other
// languages are fetched from the server, which lists whatever files the folder holds, so a
// province adds Tày or Nùng by dropping in a file. Missing keys fall back to Vietnamese.
import vi from '../../locales/vi.json';
import type { LocalizedText } from '../../../survey-defs/schema';

export type MessageTree = { [key: string]: string | MessageTree };
export interface Language {
  code: string;
  name: string;
}

export const vietnamese = vi as MessageTree;
export const defaultLanguages: Language[] = [{ code: 'vi', name: vi.language.name }];

export async function fetchLanguages(): Promise<Language[]> {
  try {
    const res = await fetch('/locales/index.json');
    return res.ok ? await res.json() : defaultLanguages;
  } catch {
    return defaultLanguages;
  }
}

export async function loadMessages(code: string): Promise<MessageTree> {
  if (code === 'vi') return vietnamese;
  const res = await fetch(`/locales/${encodeURIComponent(code)}.json`);
  if (!res.ok) throw new Error(`locale ${code}: ${res.status}`);
  return res.json();
}

/** Looks up `a.b.c` in the messages (falling back to Vietnamese) and fills {placeholders}. */
export function translate(messages: MessageTree, key: string, params?: Record<string, string | number>): string {
  const text = lookup(messages, key) ?? lookup(vietnamese, key) ?? key;
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

// The staff strings (kiosk/locales/staff/<lang>.json) for what the server writes itself: the XLSX
// and the printed report. Missing keys fall back to Vietnamese, as on the pages.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Tree = { [key: string]: string | Tree };
export type Text = (key: string, params?: Record<string, string | number>) => string;

const read = (dir: string, lang: string): Tree => {
  const path = join(dir, 'staff', `${lang}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Tree) : {};
};

const lookup = (tree: Tree, key: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};

/** A lookup of staff strings in `lang` (a language with a locale file, else Vietnamese). */
export function staffText(localesDir: string, lang: string): Text {
  const vi = read(localesDir, 'vi');
  const chosen = /^[a-z]{2,3}$/.test(lang) ? read(localesDir, lang) : vi;
  return (key, params) => {
    const text = lookup(chosen, key) ?? lookup(vi, key) ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

// Strings for the server-rendered pages, from the same locale files as the Preact pages; a
// missing key falls back to Vietnamese, then to the key itself.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Tree = { [key: string]: string | Tree };

function load(localesDir: string, lang: string): Tree {
  const path = join(localesDir, `${lang}.json`);
  return /^[a-z]{2,3}$/.test(lang) && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Tree) : {};
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** A translate function for one language of the citizen locale files. */
export function pageStrings(localesDir: string, lang: string): (key: string, params?: Record<string, string>) => string {
  const chosen = load(localesDir, lang);
  const vi = lang === 'vi' ? chosen : load(localesDir, 'vi');
  return (key, params) => {
    const text = lookup(chosen, key) ?? lookup(vi, key) ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m) : text;
  };
}

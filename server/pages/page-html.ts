// A built page with what its first screen needs embedded as a JSON data element, which the CSP
// allows (it is never run as a script). Read from disk again only when the build changes.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { InlineSources } from './inline-sources';

const BOOT_ELEMENT_ID = 'sipas-boot';

interface BuiltPage {
  mtimeMs: number;
  html: string;
  inline: InlineSources;
}
const cache = new Map<string, BuiltPage>();

/** A script element that runs (not a data block, not a file) or a style element, with its text. */
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;

/** The CSP source that allows exactly this element text. */
const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The inline scripts and styles of a built page (kiosk/build/inline-pages.ts), as CSP hash sources. */
export function inlineSourcesOf(html: string): InlineSources {
  return {
    scripts: [...html.matchAll(INLINE_SCRIPT)].map((m) => sha256Source(m[1]!)),
    styles: [...html.matchAll(INLINE_STYLE)].map((m) => sha256Source(m[1]!)),
  };
}

function builtPage(path: string): BuiltPage {
  const { mtimeMs } = statSync(path);
  const hit = cache.get(path);
  if (hit?.mtimeMs === mtimeMs) return hit;
  const html = readFileSync(path, 'utf8');
  // Hashed once per build, before the boot data (a data block, never run) goes in.
  const page = { mtimeMs, html, inline: inlineSourcesOf(html) };
  cache.set(path, page);
  return page;
}

/** JSON safe inside a script element: no `</script>`, no `<!--`, no line separators a parser could trip on. */
export function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The page at `path` with `data` in `<script type="application/json" id="sipas-boot">`, the first
 * element of its body, and the hashes of the scripts and styles it carries inline.
 */
export function pageWithBootData(path: string, data: unknown): { html: string; inline: InlineSources } {
  const element = `<script type="application/json" id="${BOOT_ELEMENT_ID}">${scriptSafeJson(data)}</script>`;
  const page = builtPage(path);
  // A function, not a string: a replacement string would read `$'`, `$&`… in the data as patterns.
  return { html: page.html.replace('<body>', () => `<body>\n    ${element}`), inline: page.inline };
}

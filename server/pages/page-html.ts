// A built page with what its first screen needs embedded as a JSON data element, which the CSP
// allows (it is never run as a script). Read from disk again only when the build changes.
import { readFileSync, statSync } from 'node:fs';

const BOOT_ELEMENT_ID = 'sipas-boot';
const cache = new Map<string, { mtimeMs: number; html: string }>();

function builtHtml(path: string): string {
  const { mtimeMs } = statSync(path);
  const hit = cache.get(path);
  if (hit?.mtimeMs === mtimeMs) return hit.html;
  const html = readFileSync(path, 'utf8');
  cache.set(path, { mtimeMs, html });
  return html;
}

/** JSON safe inside a script element: no `</script>`, no `<!--`, no line separators a parser could trip on. */
export function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The page at `path` with `data` in `<script type="application/json" id="sipas-boot">`, the first element of its body. */
export function pageWithBootData(path: string, data: unknown): string {
  const element = `<script type="application/json" id="${BOOT_ELEMENT_ID}">${scriptSafeJson(data)}</script>`;
  return builtHtml(path).replace('<body>', `<body>\n    ${element}`);
}

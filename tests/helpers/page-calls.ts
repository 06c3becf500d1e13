// Which API operations a page calls, read from its source: the files its entry imports (followed
// recursively), searched for '/api/…' addresses and hono client calls (client.api['x'][':id'].$get).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Operation } from '../../server/openapi/operation';

function sourcesOf(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  for (const m of text.matchAll(/from\s+'(\.{1,2}\/[^']+)'|import\('(\.{1,2}\/[^']+)'\)/g)) {
    const base = resolve(dirname(entry), m[1] ?? m[2]!);
    const file = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f) && /\.tsx?$/.test(f));
    // Only the page's own code: the server's types it imports are not calls.
    if (file && file.includes('/kiosk/src/')) sourcesOf(file, seen);
  }
  return seen;
}

/** Addresses as patterns: "*" for an interpolated segment; a trailing "…" when the rest is built at run time. */
function addressesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[`'"](\/api\/[^`'"]*)/g)) {
    let address = m[1]!.replace(/\$\{[^{}]*\}/g, '*');
    const open = address.indexOf('${');
    if (open >= 0) address = `${address.slice(0, open)}…`;
    out.push(address.split('?')[0]!);
  }
  for (const m of text.matchAll(/client\.api((?:\.[\w$]+|\['[^']+'\])+)/g)) {
    const parts = [...m[1]!.matchAll(/\.([\w$]+)|\['([^']+)'\]/g)].map((p) => p[1] ?? p[2]!).filter((p) => !p.startsWith('$'));
    out.push(`/api/${parts.map((p) => (p.startsWith(':') ? '*' : p)).join('/')}`);
  }
  return out;
}

function matches(address: string, path: string): boolean {
  const prefix = address.endsWith('…');
  const a = address.replace(/…$/, '').split('/');
  const p = path.split('/');
  if (prefix ? p.length < a.length : p.length !== a.length) return false;
  return a.every((segment, i) => {
    const own = p[i]!;
    if (segment === '*' || own.startsWith('{')) return true;
    if (prefix && i === a.length - 1) return own.startsWith(segment);
    return segment.startsWith('*') ? own.endsWith(segment.slice(1)) : segment.endsWith('*') ? own.startsWith(segment.slice(0, -1)) : segment === own;
  });
}

/** The operations whose path the page's code names (every method of that path). */
export function operationsCalledBy(entry: string, operations: Operation[]): Operation[] {
  const addresses = [...sourcesOf(resolve(entry))].flatMap((f) => addressesIn(readFileSync(f, 'utf8')));
  return operations.filter((op) => addresses.some((a) => matches(a, op.path)));
}

// The kiosk and the phone page carry their script and stylesheet inline (kiosk/build/inline-pages.ts).
// The page's policy allows exactly those elements by their sha256, never 'unsafe-inline': the
// route names them, and this middleware, outside the one that sets the policy, adds them to it.
import type { Context, MiddlewareHandler } from 'hono';

/** CSP source expressions (`'sha256-…'`) for a response's inline scripts and styles. */
export interface InlineSources {
  scripts: string[];
  styles: string[];
}

const allowed = new WeakMap<Request, InlineSources>();

/** Lets this response's page run the inline scripts and apply the inline styles named. */
export function allowInline(c: Context, sources: InlineSources): void {
  allowed.set(c.req.raw, sources);
}

/** `policy` with `sources` added to `directive`'s list (the directive must be in the policy). */
export function withSources(policy: string, directive: string, sources: readonly string[]): string {
  if (sources.length === 0) return policy;
  let found = false;
  const directives = policy.split(';').map((part) => {
    const [name] = part.trim().split(/\s+/);
    if (name !== directive) return part;
    found = true;
    return `${part.trimEnd()} ${sources.join(' ')}`;
  });
  if (!found) throw new Error(`withSources: the policy has no ${directive}`);
  return directives.join(';');
}

/**
 * Goes before (outside) the middleware that sets Content-Security-Policy. Pages are read with GET
 * (and HEAD): any other request hands on at once, without a frame waiting for its answer.
 */
export const inlineSourcesPolicy: MiddlewareHandler = (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? addInlineSources(c, next) : next());

const addInlineSources: MiddlewareHandler = async (c, next) => {
  await next();
  // Only pages with inline sources read the answer's headers: any other answer's stay untouched.
  const sources = allowed.get(c.req.raw);
  if (!sources) return;
  const policy = c.res.headers.get('Content-Security-Policy');
  if (!policy) return;
  c.res.headers.set('Content-Security-Policy', withSources(withSources(policy, 'script-src', sources.scripts), 'style-src', sources.styles));
};

// The headers that govern what a document or an API answer may do in a browser, in one record:
// the middleware sets them on every answer but the built pages' assets, and the answer to a
// submission is written with them already in place (`finishedJson`).
import type { MiddlewareHandler } from 'hono';

/**
 * Pages load only their own scripts and styles: no inline script can run, except the kiosk's and
 * the phone page's own, allowed by hash (server/pages/inline-sources.ts adds those).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
].join('; ');

/**
 * Hono's secure-headers defaults (OWASP's list) with the policy above, no referrer and no framing.
 * No Strict-Transport-Security: pages are served over plain HTTP inside an office network too;
 * HSTS is the proxy's job.
 */
export const POLICY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'DENY',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
});

/** An API answer's `Cache-Control` unless its route says otherwise: no cache keeps it. */
export const API_CACHE_CONTROL = 'no-store';

/** Every header of a finished JSON answer, made once: nothing on the way to the socket changes it. */
const FINISHED_JSON_HEADERS: Record<string, string> = Object.freeze({ 'Content-Type': 'application/json', 'Cache-Control': API_CACHE_CONTROL, ...POLICY_HEADERS });

/** Answers written with every header they need; the app's header middlewares leave them as they are. */
const finished = new WeakSet<Response>();

export const isFinished = (res: Response): boolean => finished.has(res);

/**
 * A JSON answer of the API with the policy and `Cache-Control: no-store` in place, for the
 * submission, the hot path. Its headers stay a plain record from here to the socket. Set one by
 * one afterwards, they made each answer build, check and sort undici's `Headers`: over a tenth of
 * the bytes a submission allocated (tests/bench/NOTES.md, *The submission's headers*). Returned
 * as it is, it carries no header set with `c.header()` before it: the routes that use it set none.
 */
export function finishedJson(value: unknown, status: number): Response {
  const res = new Response(JSON.stringify(value), { status, headers: FINISHED_JSON_HEADERS });
  finished.add(res);
  return res;
}

/** Sets the policy on the answer of every route under it, unless the route finished it. */
export const policyHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (finished.has(c.res)) return;
  const headers = c.res.headers;
  for (const name in POLICY_HEADERS) headers.set(name, POLICY_HEADERS[name]!);
};

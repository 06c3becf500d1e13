// A request body limit that costs nothing on the usual request. hono's bodyLimit looks at
// `c.req.raw.body` first, and on @hono/node-server that one property turns the lightweight request
// into a full web Request with a web stream over the socket (about a sixth of the submit path's
// CPU in a profile, see "Where the submit time goes" in tests/bench/NOTES.md); reading the body
// afterwards then goes through that stream instead of node-server's direct read.
import type { Context, MiddlewareHandler, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';

const DIGITS = /^\d+$/;

/** Refuses (with `onError`) a body larger than `maxSize` bytes. */
export function bodySizeLimit(maxSize: number, onError: (c: Context) => never): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError });
  return async (c: Context, next: Next) => {
    // node-server gives a GET or HEAD request no body at all, whatever the client sends.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    // Node's HTTP parser reads exactly Content-Length bytes as the body (the rest is the next
    // request), so the header bounds the body. Chunked bodies, and requests built in-process
    // without the header, are counted as they are read.
    if (c.env?.incoming && length !== undefined && DIGITS.test(length) && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxSize) onError(c);
      return next();
    }
    return streamed(c, next);
  };
}

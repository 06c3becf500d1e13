import { createHmac } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The caller's address, for rate limits only (never stored with an answer). Behind a reverse
 * proxy (TRUST_PROXY=1) it is the first X-Forwarded-For entry; otherwise the socket's address.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/** The caller's address as the rate-limit table keeps it: a keyed hash, never the address. */
export function clientAddressKey(c: Context, deps: { secret: Buffer; trustProxy: boolean }): string {
  return createHmac('sha256', deps.secret).update(`addr:${clientAddress(c, deps.trustProxy)}`).digest('hex').slice(0, 32);
}

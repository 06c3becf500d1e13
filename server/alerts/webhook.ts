// Signed webhooks: the body is signed with HMAC-SHA256 and the signature sent as
// "X-Sipas-Signature: sha256=<hex>", so the receiver (an SMS or Zalo gateway, a provincial
// system) can check that the message comes from this server and was not changed.
import { createHmac } from 'node:crypto';

/** The signing key webhook receivers are given, derived from the server secret (nothing stored). */
export function webhookKey(secret: Buffer): string {
  return createHmac('sha256', secret).update('sipas-webhook-signing-key').digest('hex');
}

/** "sha256=<hex>" of HMAC-SHA256(key, body). */
export function signWebhook(key: string, body: string): string {
  return `sha256=${createHmac('sha256', key).update(body, 'utf8').digest('hex')}`;
}

/** POSTs the body; a non-2xx answer, a network error or no answer within the timeout is a failure. */
export async function postWebhook(url: string, body: string, key: string, deliveryId: string, timeoutMs: number): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sipas-signature': signWebhook(key, body), 'x-sipas-delivery': deliveryId, 'user-agent': 'sipas-alerts' },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.body?.cancel();
  if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
}

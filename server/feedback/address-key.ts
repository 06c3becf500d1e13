import { createHmac } from 'node:crypto';

/** An address as the rate-limit table keeps it: a keyed hash, as in routes/staff-auth.ts. */
export function addressKey(secret: Buffer, address: string): string {
  return createHmac('sha256', secret).update(`addr:${address}`).digest('hex').slice(0, 32);
}

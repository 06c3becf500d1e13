// Tracking codes: 16 characters in 4 groups (80 random bits), from an alphabet without look-alike
// characters, so a person can copy one from the kiosk screen by hand. The code is derived from
// the item's id with the server secret, so a resend of the same item gets the same code back, and
// the database keeps only a keyed hash of it: a copy of the database opens no tracking page.
import { createHmac } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U
const LENGTH = 16;

/** The tracking code of the item with this id (XXXX-XXXX-XXXX-XXXX). */
export function trackingCode(secret: Buffer, itemId: string): string {
  const bytes = createHmac('sha256', secret).update(`feedback-code:${itemId}`).digest();
  let bits = 0n;
  for (const b of bytes.subarray(0, 10)) bits = (bits << 8n) | BigInt(b);
  let chars = '';
  for (let i = 0; i < LENGTH; i++) {
    chars = ALPHABET[Number(bits & 31n)]! + chars;
    bits >>= 5n;
  }
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * The canonical form of what a person typed: letter case, spaces and hyphens ignored, and the
 * look-alikes O→0, I/L→1, U→V read as meant. Undefined when it cannot be a code.
 */
export function normalizeTrackingCode(typed: string): string | undefined {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1').replace(/U/g, 'V');
  if (plain.length !== LENGTH || [...plain].some((c) => !ALPHABET.includes(c))) return undefined;
  return plain.match(/.{4}/g)!.join('-');
}

/** The keyed hash under which a code is stored and looked up. */
export function trackingCodeHash(secret: Buffer, code: string): string {
  return createHmac('sha256', secret).update(`feedback-lookup:${code}`).digest('hex');
}

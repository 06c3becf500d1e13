// The secrets a kiosk device works with. The enrolment code is short enough to type on a tablet,
// so it is stored as an HMAC keyed by the server secret (a stolen database cannot test guesses);
// the credential is 256 random bits, for which a plain SHA-256 is enough.
import { createHmac, randomBytes } from 'node:crypto';
import { sha256Hex } from '../util/sha256-hex';

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_GROUPS = 3;
const CODE_GROUP_LENGTH = 4;

/** A one-time enrolment code people can type: 3 groups of 4, no look-alike characters (~59 bits). */
export function newEnrolmentCode(): string {
  const bytes = randomBytes(CODE_GROUPS * CODE_GROUP_LENGTH * 2);
  const chars: string[] = [];
  // Rejection sampling keeps every character equally likely.
  for (const b of bytes) {
    if (b < 248) chars.push(CODE_ALPHABET[b % CODE_ALPHABET.length]!);
    if (chars.length === CODE_GROUPS * CODE_GROUP_LENGTH) break;
  }
  if (chars.length < CODE_GROUPS * CODE_GROUP_LENGTH) return newEnrolmentCode();
  return Array.from({ length: CODE_GROUPS }, (_, i) => chars.slice(i * CODE_GROUP_LENGTH, (i + 1) * CODE_GROUP_LENGTH).join('')).join('-');
}

/** The code as typed (any case, spaces or dashes) in its stored form, or null if it cannot be one. */
export function normaliseEnrolmentCode(typed: string): string | null {
  const letters = typed.toLowerCase().replace(/[\s-]/g, '');
  if (letters.length !== CODE_GROUPS * CODE_GROUP_LENGTH || [...letters].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return letters.match(new RegExp(`.{${CODE_GROUP_LENGTH}}`, 'g'))!.join('-');
}

export function enrolmentCodeHash(secret: Buffer, code: string): string {
  return createHmac('sha256', secret).update(`kiosk-enrol:${code}`).digest('hex');
}

export function newDeviceCredential(): string {
  return randomBytes(32).toString('base64url');
}

export function credentialHash(credential: string): string {
  return sha256Hex(credential);
}

// The short code a citizen types when the QR code will not scan. Digits only, on purpose: no
// look-alike letters (O/0, I/l/1, S/5, B/8), the phone shows its large number pad, and Vietnamese
// keyboards (Telex, VNI) cannot turn a typed letter into a tone mark. Twelve digits give 10^12
// codes (40 bits); guessing is also rate-limited per address.

export const SHORT_CODE_DIGITS = 12;

/** Twelve digits from random bytes (at least 8; the modulo bias over 2^64 is negligible). */
export function shortCodeFromBytes(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes.subarray(0, 8)) n = (n << 8n) | BigInt(b);
  return (n % 10n ** BigInt(SHORT_CODE_DIGITS)).toString().padStart(SHORT_CODE_DIGITS, '0');
}

/** As printed: three groups of four digits, "4821 0937 5562". */
export function formatShortCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * The code as typed, with spaces, dashes and dots removed and full-width digits made plain;
 * null when it is not twelve digits.
 */
export function normaliseShortCode(typed: string): string | null {
  const digits = typed.normalize('NFKC').replace(/[\s.\-–—_/]/g, '');
  return new RegExp(`^\\d{${SHORT_CODE_DIGITS}}$`).test(digits) ? digits : null;
}

// What the public page shows of a sender's text and the reply: the phrases staff chose removed,
// and anything that looks like an e-mail address or a Vietnamese phone number removed as well,
// so contact details never reach the public page even when typed into the text. Pure.

export const REDACTED = '[…]';

// Full-width forms (＠, ＋, （）, ０–９) are what a Vietnamese IME types in full-width mode.
const EMAIL = /[\p{L}\p{N}._%+\-]+\s*[@＠]\s*[\p{L}\p{N}.．\-]+[.．]\p{L}{2,}/gu;
// A number as people write it: an optional (, +84 / 84 / 0, an optional ), then 8 to 10 more
// digits with spaces, dots, hyphens or brackets between them: 0912 345 678, +84 912.345.678,
// (+84) 912 345 678, (024) 3823 4567, ０９１２３４５６７８.
const SEPARATOR = '[\\s.．\\-–()（）]';
const PHONE = new RegExp(`(?<!\\p{Nd})(?:[(（]\\s*)?(?:[+＋]\\s*)?(?:[8８][4４]|[0０])\\s*[)）]?(?:${SEPARATOR}*\\p{Nd}){8,10}(?!\\p{Nd})`, 'gu');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with every phrase (any letter case) and every e-mail address and phone number replaced by […]. */
export function redactText(text: string, phrases: readonly string[]): string {
  let out = text.normalize('NFC');
  // Longest first, so a phrase inside a longer one does not leave half of the longer behind.
  const ordered = [...new Set(phrases.map((p) => p.normalize('NFC').trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  for (const phrase of ordered) out = out.replace(new RegExp(escapeRegExp(phrase), 'giu'), REDACTED);
  return out.replace(EMAIL, REDACTED).replace(PHONE, REDACTED);
}

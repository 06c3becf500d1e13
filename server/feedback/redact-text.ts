// What the public page shows of a sender's text and the reply: the phrases staff chose removed,
// and anything that looks like an e-mail address or a Vietnamese phone number removed as well,
// so contact details never reach the public page even when typed into the text. Pure.

export const REDACTED = '[…]';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// 0xxx… or +84/84xxx…, 9 to 11 digits, spaces, dots or hyphens between them.
const PHONE = /(?<![\p{N}])(?:\+?84|0)(?:[\s.-]?\p{N}){8,10}(?![\p{N}])/gu;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with every phrase (any letter case) and every e-mail address and phone number replaced by […]. */
export function redactText(text: string, phrases: readonly string[]): string {
  let out = text.normalize('NFC');
  // Longest first, so a phrase inside a longer one does not leave half of the longer behind.
  const ordered = [...new Set(phrases.map((p) => p.normalize('NFC').trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  for (const phrase of ordered) out = out.replace(new RegExp(escapeRegExp(phrase), 'giu'), REDACTED);
  return out.replace(EMAIL, REDACTED).replace(PHONE, REDACTED);
}

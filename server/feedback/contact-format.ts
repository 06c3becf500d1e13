// Reading the contact a sender leaves for a private reply: a phone number or an e-mail address.
// Pure, so the form can say "that is neither" before sending.

export type Contact = { kind: 'phone'; value: string } | { kind: 'email'; value: string };

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/u;

/** The contact in a canonical form, or undefined when the text is neither a phone number nor an e-mail address. */
export function parseContact(text: string): Contact | undefined {
  const trimmed = text.normalize('NFC').trim();
  if (trimmed.includes('@')) return EMAIL.test(trimmed) && trimmed.length <= 254 ? { kind: 'email', value: trimmed } : undefined;
  // Spaces, dots, hyphens and brackets are how people group digits; a leading + is kept.
  const compact = trimmed.replace(/[\s.()-]/g, '');
  return /^\+?\d{8,15}$/.test(compact) ? { kind: 'phone', value: compact } : undefined;
}
